
resource "aws_launch_template" "c1" {
  name_prefix            = "${local.name}-c1-"
  image_id               = var.ami_id
  instance_type          = var.instance_type
  vpc_security_group_ids = [aws_security_group.n1_app.id]
  user_data              = base64encode(templatefile("${path.module}/user-data.sh", { port = var.app_port }))
}

resource "aws_autoscaling_group" "c1" {
  name                = "${local.name}-c1"
  min_size            = 2
  max_size            = 6
  desired_capacity    = 2
  health_check_type   = "ELB"
  vpc_zone_identifier = aws_subnet.n1_private[*].id
  target_group_arns   = [aws_lb_target_group.e1.arn]
  launch_template {
    id      = aws_launch_template.c1.id
    version = "$Latest"
  }
}

resource "aws_autoscaling_policy" "c1_up" {
  name                   = "${local.name}-c1-up"
  autoscaling_group_name = aws_autoscaling_group.c1.name
  adjustment_type        = "ChangeInCapacity"
  scaling_adjustment     = 1
  cooldown               = 300
}

resource "aws_cloudwatch_metric_alarm" "c1_cpu_high" {
  alarm_name          = "${local.name}-c1-cpu-high"
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 2
  metric_name         = "CPUUtilization"
  namespace           = "AWS/EC2"
  period              = 120
  statistic           = "Average"
  threshold           = 70
  alarm_actions       = [aws_autoscaling_policy.c1_up.arn]
  dimensions = {
    AutoScalingGroupName = aws_autoscaling_group.c1.name
  }
}

resource "aws_db_subnet_group" "d1" {
  name       = "${local.name}-d1"
  subnet_ids = aws_subnet.n1_private[*].id
}

resource "aws_db_instance" "d1" {
  identifier              = "${local.name}-d1"
  engine                  = "postgres"
  engine_version          = "15.4"
  instance_class          = var.db_class
  allocated_storage       = 100
  multi_az                = true
  storage_encrypted       = true
  kms_key_id              = aws_kms_key.o1.arn
  backup_retention_period = 7
  backup_window           = "03:00-04:00"
  username                = "app"
  password                = var.db_password
  db_subnet_group_name    = aws_db_subnet_group.d1.name
  vpc_security_group_ids  = [aws_security_group.n1_app.id]
  deletion_protection     = true
}

resource "aws_elasticache_replication_group" "d1" {
  replication_group_id       = "${local.name}-d1"
  description                = "cache d1"
  engine                     = "redis"
  engine_version             = "7.0"
  node_type                  = "cache.t4g.small"
  num_cache_clusters         = 2
  automatic_failover_enabled = true
  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
}

resource "aws_s3_bucket" "d1" {
  for_each = toset(["assets", "logs"])
  bucket   = "${local.name}-d1-${each.key}"
}

resource "aws_sqs_queue" "d1" {
  name                      = "${local.name}-d1-jobs"
  message_retention_seconds = 345600
  kms_master_key_id         = aws_kms_key.o1.id
}

resource "aws_sns_topic" "d1" {
  name = "${local.name}-d1-events"
}

resource "aws_dynamodb_table" "d1" {
  name         = "${local.name}-d1-sessions"
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

resource "aws_kms_key" "o1" {
  description             = "${local.name} o1"
  deletion_window_in_days = 30
  enable_key_rotation     = true
}

resource "aws_cloudwatch_log_group" "o1" {
  name              = "/app/${local.name}/o1"
  retention_in_days = var.log_retention
  kms_key_id        = aws_kms_key.o1.arn
}

resource "aws_iam_role" "o1" {
  name = "${local.name}-o1"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ec2.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "o1" {
  name = "${local.name}-o1"
  role = aws_iam_role.o1.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["sqs:SendMessage", "sqs:ReceiveMessage"]
      Resource = aws_sqs_queue.d1.arn
    }]
  })
}

resource "aws_secretsmanager_secret" "o1" {
  name       = "${local.name}/o1/db"
  kms_key_id = aws_kms_key.o1.id
}

resource "aws_vpc" "n2" {
  cidr_block           = "10.1.2.0/24"
  enable_dns_hostnames = true
  tags = merge(local.tags, { Name = "${local.name}-n2" })
}

resource "aws_subnet" "n2_public" {
  count                   = 2
  vpc_id                  = aws_vpc.n2.id
  cidr_block              = cidrsubnet(aws_vpc.n2.cidr_block, 2, count.index)
  availability_zone       = var.azs[count.index]
  map_public_ip_on_launch = true
  tags = { Name = "${local.name}-n2-public-${count.index}", Tier = "public" }
}

resource "aws_subnet" "n2_private" {
  count             = 2
  vpc_id            = aws_vpc.n2.id
  cidr_block        = cidrsubnet(aws_vpc.n2.cidr_block, 2, count.index + 2)
  availability_zone = var.azs[count.index]
  tags = { Name = "${local.name}-n2-private-${count.index}", Tier = "private" }
}

resource "aws_internet_gateway" "n2" {
  vpc_id = aws_vpc.n2.id
}

resource "aws_route_table" "n2_public" {
  vpc_id = aws_vpc.n2.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.n2.id
  }
}

resource "aws_route_table_association" "n2_public" {
  count          = 2
  subnet_id      = aws_subnet.n2_public[count.index].id
  route_table_id = aws_route_table.n2_public.id
}

resource "aws_security_group" "n2_web" {
  name   = "${local.name}-n2-web"
  vpc_id = aws_vpc.n2.id
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group" "n2_app" {
  name   = "${local.name}-n2-app"
  vpc_id = aws_vpc.n2.id
}

resource "aws_security_group_rule" "n2_app_from_web" {
  type                     = "ingress"
  from_port                = var.app_port
  to_port                  = var.app_port
  protocol                 = "tcp"
  security_group_id        = aws_security_group.n2_app.id
  source_security_group_id = aws_security_group.n2_web.id
}
