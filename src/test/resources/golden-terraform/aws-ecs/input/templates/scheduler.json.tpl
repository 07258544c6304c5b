[
  {
    "name": "scheduler",
    "image": "${image}",
    "cpu": ${cpu},
    "memory": ${memory},
    "essential": true,
    "portMappings": [
%{ for port in ports ~}
      { "containerPort": ${port}, "protocol": "tcp" }${port == ports[length(ports) - 1] ? "" : ","}
%{ endfor ~}
    ],
    "environment": [
      { "name": "SCHEDULE_TABLE", "value": "${table}" }
    ]
  }
]
