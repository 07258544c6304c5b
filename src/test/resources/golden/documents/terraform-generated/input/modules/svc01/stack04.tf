
resource "aws_kms_key" "o2" {
  description             = "${local.name} o2"
  deletion_window_in_days = 30
  enable_key_rotation     = true
}

resource "aws_cloudwatch_log_group" "o2" {
  name              = "/app/${local.name}/o2"
  retention_in_days = var.log_retention
  kms_key_id        = aws_kms_key.o2.arn
}

resource "aws_iam_role" "o2" {
  name = "${local.name}-o2"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ec2.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "o2" {
  name = "${local.name}-o2"
  role = aws_iam_role.o2.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["sqs:SendMessage", "sqs:ReceiveMessage"]
      Resource = aws_sqs_queue.d2.arn
    }]
  })
}

resource "aws_secretsmanager_secret" "o2" {
  name       = "${local.name}/o2/db"
  kms_key_id = aws_kms_key.o2.id
}

resource "aws_cloudwatch_log_group" "pad0" {
  name              = "/pad/${local.name}/0"
  retention_in_days = var.log_retention
}

resource "aws_cloudwatch_log_group" "pad1" {
  name              = "/pad/${local.name}/1"
  retention_in_days = var.log_retention
}

resource "aws_cloudwatch_log_group" "pad2" {
  name              = "/pad/${local.name}/2"
  retention_in_days = var.log_retention
}
