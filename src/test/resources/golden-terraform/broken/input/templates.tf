resource "aws_ssm_parameter" "motd" {
  name  = "/ops/motd"
  type  = "String"
  value = <<-EOT
    Welcome to ${var.environment}
    %{ if var.environment == "prod" }Be careful.%{ endif }
  EOT
}
