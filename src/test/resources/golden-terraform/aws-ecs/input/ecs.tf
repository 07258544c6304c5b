resource "aws_ecs_cluster" "main" {
  name = "${local.name}-cluster"

  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}

resource "aws_ecs_cluster_capacity_providers" "main" {
  cluster_name       = aws_ecs_cluster.main.name
  capacity_providers = ["FARGATE", "FARGATE_SPOT"]

  default_capacity_provider_strategy {
    capacity_provider = "FARGATE"
    weight            = 1
  }
}

resource "aws_cloudwatch_log_group" "api" {
  name              = "/ecs/${local.name}-api"
  retention_in_days = 14
}

resource "aws_iam_role" "task_execution" {
  name = "${local.name}-task-execution"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_ecs_task_definition" "api" {
  family                   = "${local.name}-api"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 512
  memory                   = 1024
  execution_role_arn       = aws_iam_role.task_execution.arn

  container_definitions = jsonencode([
    {
      name      = "api"
      image     = "123456789012.dkr.ecr.eu-central-1.amazonaws.com/orders-api:${var.image_tag}"
      cpu       = 384
      memory    = 768
      essential = true
      portMappings = [
        { containerPort = local.app_port, protocol = "tcp" }
      ]
      environment = [
        { name = "DATABASE_PASSWORD", value = "hunter2-not-for-docs" },
        { name = "PORT", value = tostring(local.app_port) }
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group  = aws_cloudwatch_log_group.api.name
          awslogs-region = "eu-central-1"
        }
      }
    },
    {
      name      = "envoy"
      image     = "public.ecr.aws/appmesh/aws-appmesh-envoy:v1.27.2.0-prod"
      cpu       = 128
      memory    = 256
      essential = false
      portMappings = [
        { containerPort = 9901, protocol = "tcp" }
      ]
    }
  ])
}

# A second task, its containers written as a JSON heredoc (older style).
resource "aws_ecs_task_definition" "worker" {
  family                   = "${local.name}-worker"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512

  container_definitions = <<DEFS
[
  {
    "name": "worker",
    "image": "123456789012.dkr.ecr.eu-central-1.amazonaws.com/orders-worker:1.4.2",
    "memory": 512,
    "essential": true,
    "command": ["python", "-m", "orders.worker"]
  }
]
DEFS
}

resource "aws_ecs_service" "api" {
  name                               = "${local.name}-api"
  cluster                            = aws_ecs_cluster.main.id
  task_definition                    = aws_ecs_task_definition.api.arn
  desired_count                      = 3
  deployment_minimum_healthy_percent = 50
  deployment_maximum_percent         = 200

  capacity_provider_strategy {
    capacity_provider = "FARGATE"
    weight            = 1
  }

  network_configuration {
    subnets          = aws_subnet.private[*].id
    security_groups  = [aws_security_group.tasks.id]
    assign_public_ip = false
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.api.arn
    container_name   = "api"
    container_port   = local.app_port
  }

  depends_on = [aws_lb_listener.https]
}

resource "aws_ecs_service" "worker" {
  name            = "${local.name}-worker"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.worker.arn
  desired_count   = 1
  launch_type     = "FARGATE"

  network_configuration {
    subnets         = aws_subnet.private[*].id
    security_groups = [aws_security_group.tasks.id]
  }
}

resource "aws_appautoscaling_target" "api" {
  service_namespace  = "ecs"
  resource_id        = "service/${aws_ecs_cluster.main.name}/${aws_ecs_service.api.name}"
  scalable_dimension = "ecs:service:DesiredCount"
  min_capacity       = 2
  max_capacity       = 10
}

resource "aws_appautoscaling_policy" "api_cpu" {
  name               = "${local.name}-api-cpu"
  policy_type        = "TargetTrackingScaling"
  resource_id        = aws_appautoscaling_target.api.resource_id
  scalable_dimension = aws_appautoscaling_target.api.scalable_dimension
  service_namespace  = aws_appautoscaling_target.api.service_namespace

  target_tracking_scaling_policy_configuration {
    target_value = 60
    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}

# A third, from a template file: rendered here because every input is literal.
locals {
  scheduler = {
    image  = "123456789012.dkr.ecr.eu-central-1.amazonaws.com/orders-scheduler:2.0.1"
    sizing = { cpu = 256, memory = 512 }
  }
}

resource "aws_ecs_task_definition" "scheduler" {
  family                   = format("%s-%s", local.name, "scheduler")
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = try(local.scheduler.sizing.cpu, 256)
  memory                   = try(local.scheduler.sizing.memory_mib, 512)

  container_definitions = templatefile("${path.module}/templates/scheduler.json.tpl", {
    image  = local.scheduler.image
    cpu    = local.scheduler.sizing.cpu
    memory = lookup(local.scheduler.sizing, "memory", 1024)
    ports  = [8080, 8081]
    table  = "orders-schedule"
  })
}

# Its image comes from the pipeline: the template cannot be rendered and stays as written.
resource "aws_ecs_task_definition" "reporter" {
  family                   = "${local.name}-reporter"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512

  container_definitions = templatefile("${path.module}/templates/scheduler.json.tpl", {
    image  = "123456789012.dkr.ecr.eu-central-1.amazonaws.com/orders-reporter:${var.image_tag}"
    cpu    = 256
    memory = 512
    ports  = [9090]
    table  = "orders-reports"
  })
}
