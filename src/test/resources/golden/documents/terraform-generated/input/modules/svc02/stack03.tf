
resource "aws_launch_template" "c2" {
  name_prefix            = "${local.name}-c2-"
  image_id               = var.ami_id
  instance_type          = var.instance_type
  vpc_security_group_ids = [aws_security_group.n2_app.id]
  user_data              = base64encode(templatefile("${path.module}/user-data.sh", { port = var.app_port }))
}

resource "aws_autoscaling_group" "c2" {
  name                = "${local.name}-c2"
  min_size            = 2
  max_size            = 6
  desired_capacity    = 2
  health_check_type   = "ELB"
  vpc_zone_identifier = aws_subnet.n2_private[*].id
  target_group_arns   = [aws_lb_target_group.e2.arn]
  launch_template {
    id      = aws_launch_template.c2.id
    version = "$Latest"
  }
}

resource "aws_autoscaling_policy" "c2_up" {
  name                   = "${local.name}-c2-up"
  autoscaling_group_name = aws_autoscaling_group.c2.name
  adjustment_type        = "ChangeInCapacity"
  scaling_adjustment     = 1
  cooldown               = 300
}

resource "aws_cloudwatch_metric_alarm" "c2_cpu_high" {
  alarm_name          = "${local.name}-c2-cpu-high"
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 2
  metric_name         = "CPUUtilization"
  namespace           = "AWS/EC2"
  period              = 120
  statistic           = "Average"
  threshold           = 70
  alarm_actions       = [aws_autoscaling_policy.c2_up.arn]
  dimensions = {
    AutoScalingGroupName = aws_autoscaling_group.c2.name
  }
}

resource "aws_db_subnet_group" "d2" {
  name       = "${local.name}-d2"
  subnet_ids = aws_subnet.n2_private[*].id
}

resource "aws_db_instance" "d2" {
  identifier              = "${local.name}-d2"
  engine                  = "postgres"
  engine_version          = "15.4"
  instance_class          = var.db_class
  allocated_storage       = 100
  multi_az                = true
  storage_encrypted       = true
  kms_key_id              = aws_kms_key.o2.arn
  backup_retention_period = 7
  backup_window           = "03:00-04:00"
  username                = "app"
  password                = var.db_password
  db_subnet_group_name    = aws_db_subnet_group.d2.name
  vpc_security_group_ids  = [aws_security_group.n2_app.id]
  deletion_protection     = true
}

resource "aws_elasticache_replication_group" "d2" {
  replication_group_id       = "${local.name}-d2"
  description                = "cache d2"
  engine                     = "redis"
  engine_version             = "7.0"
  node_type                  = "cache.t4g.small"
  num_cache_clusters         = 2
  automatic_failover_enabled = true
  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
}

resource "aws_s3_bucket" "d2" {
  for_each = toset(["assets", "logs"])
  bucket   = "${local.name}-d2-${each.key}"
}

resource "aws_sqs_queue" "d2" {
  name                      = "${local.name}-d2-jobs"
  message_retention_seconds = 345600
  kms_master_key_id         = aws_kms_key.o2.id
}

resource "aws_sns_topic" "d2" {
  name = "${local.name}-d2-events"
}

resource "aws_dynamodb_table" "d2" {
  name         = "${local.name}-d2-sessions"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"
  attribute {
    name = "id"
    type = "S"
  }
  point_in_time_recovery {
    enabled = true
  }
}

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
