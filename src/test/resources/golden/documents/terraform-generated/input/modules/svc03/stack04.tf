
resource "aws_cloudwatch_log_group" "pad1" {
  name              = "/pad/${local.name}/1"
  retention_in_days = var.log_retention
}

resource "aws_cloudwatch_log_group" "pad2" {
  name              = "/pad/${local.name}/2"
  retention_in_days = var.log_retention
}

resource "aws_cloudwatch_log_group" "pad3" {
  name              = "/pad/${local.name}/3"
  retention_in_days = var.log_retention
}

resource "aws_cloudwatch_log_group" "pad4" {
  name              = "/pad/${local.name}/4"
  retention_in_days = var.log_retention
}
