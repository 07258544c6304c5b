
resource "aws_cloudwatch_log_group" "pad6" {
  name              = "/pad/${local.name}/6"
  retention_in_days = var.log_retention
}

resource "aws_cloudwatch_log_group" "pad7" {
  name              = "/pad/${local.name}/7"
  retention_in_days = var.log_retention
}

resource "aws_cloudwatch_log_group" "pad8" {
  name              = "/pad/${local.name}/8"
  retention_in_days = var.log_retention
}

resource "aws_cloudwatch_log_group" "pad9" {
  name              = "/pad/${local.name}/9"
  retention_in_days = var.log_retention
}
