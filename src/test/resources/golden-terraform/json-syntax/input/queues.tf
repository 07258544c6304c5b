# HCL and JSON files of one module are read together.
resource "aws_sns_topic" "alerts" {
  name = "${local.name}-alerts"
}
