# What the tasks may do: the execution role pulls images and writes logs, the task role is the app's own.
resource "aws_iam_role_policy_attachment" "task_execution" {
  role       = aws_iam_role.task_execution.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

resource "aws_iam_role" "task" {
  name               = "${local.name}-task"
  assume_role_policy = <<-JSON
    {
      "Version": "2012-10-17",
      "Statement": [{
        "Effect": "Allow",
        "Principal": {"Service": "ecs-tasks.amazonaws.com"},
        "Action": "sts:AssumeRole",
        "Condition": {"StringEquals": {"aws:SourceAccount": "123456789012"}}
      }]
    }
  JSON
}

resource "aws_iam_role_policy" "task_logs" {
  name = "logs"
  role = aws_iam_role.task.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = "${aws_cloudwatch_log_group.api.arn}:*"
      },
      {
        Effect   = "Deny"
        Action   = "logs:DeleteLogGroup"
        Resource = "*"
      }
    ]
  })
}

resource "aws_iam_policy" "orders_queue" {
  name = "${local.name}-orders-queue"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["sqs:SendMessage", "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:ChangeMessageVisibility"]
      Resource = "arn:aws:sqs:eu-central-1:123456789012:orders"
    }]
  })
}

resource "aws_iam_role_policy_attachment" "orders_queue" {
  role       = aws_iam_role.task.name
  policy_arn = aws_iam_policy.orders_queue.arn
}
