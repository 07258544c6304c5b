
resource "aws_cloudwatch_log_group" "pad9" {
  name              = "/pad/${local.name}/9"
  retention_in_days = var.log_retention
}

resource "aws_cloudwatch_log_group" "pad10" {
  name              = "/pad/${local.name}/10"
  retention_in_days = var.log_retention
}

resource "aws_cloudwatch_log_group" "pad11" {
  name              = "/pad/${local.name}/11"
  retention_in_days = var.log_retention
}

resource "aws_cloudwatch_log_group" "pad12" {
  name              = "/pad/${local.name}/12"
  retention_in_days = var.log_retention
}
