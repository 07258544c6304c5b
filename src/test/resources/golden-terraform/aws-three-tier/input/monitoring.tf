resource "aws_cloudwatch_log_group" "app" {
  for_each          = var.log_groups
  name              = "/${local.name}/${each.key}"
  retention_in_days = 30
}

resource "aws_sns_topic" "alerts" {
  name = "${local.name}-alerts"
}
