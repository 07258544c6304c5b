
resource "aws_vpc" "n0" {
  cidr_block           = "10.3.0.0/24"
  enable_dns_hostnames = true
  tags = merge(local.tags, { Name = "${local.name}-n0" })
}

resource "aws_subnet" "n0_public" {
  count                   = 2
  vpc_id                  = aws_vpc.n0.id
  cidr_block              = cidrsubnet(aws_vpc.n0.cidr_block, 2, count.index)
  availability_zone       = var.azs[count.index]
  map_public_ip_on_launch = true
  tags = { Name = "${local.name}-n0-public-${count.index}", Tier = "public" }
}

resource "aws_subnet" "n0_private" {
  count             = 2
  vpc_id            = aws_vpc.n0.id
  cidr_block        = cidrsubnet(aws_vpc.n0.cidr_block, 2, count.index + 2)
  availability_zone = var.azs[count.index]
  tags = { Name = "${local.name}-n0-private-${count.index}", Tier = "private" }
}

resource "aws_internet_gateway" "n0" {
  vpc_id = aws_vpc.n0.id
}

resource "aws_route_table" "n0_public" {
  vpc_id = aws_vpc.n0.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.n0.id
  }
}

resource "aws_route_table_association" "n0_public" {
  count          = 2
  subnet_id      = aws_subnet.n0_public[count.index].id
  route_table_id = aws_route_table.n0_public.id
}

resource "aws_security_group" "n0_web" {
  name   = "${local.name}-n0-web"
  vpc_id = aws_vpc.n0.id
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

resource "aws_security_group" "n0_app" {
  name   = "${local.name}-n0-app"
  vpc_id = aws_vpc.n0.id
}

resource "aws_security_group_rule" "n0_app_from_web" {
  type                     = "ingress"
  from_port                = var.app_port
  to_port                  = var.app_port
  protocol                 = "tcp"
  security_group_id        = aws_security_group.n0_app.id
  source_security_group_id = aws_security_group.n0_web.id
}

resource "aws_lb" "e0" {
  name               = "${local.name}-e0"
  load_balancer_type = "application"
  internal           = false
  security_groups    = [aws_security_group.n0_web.id]
  subnets            = aws_subnet.n0_public[*].id
  access_logs {
    bucket  = aws_s3_bucket.d0["logs"].id
    enabled = true
  }
}

resource "aws_lb_target_group" "e0" {
  name     = "${local.name}-e0"
  port     = var.app_port
  protocol = "HTTP"
  vpc_id   = aws_vpc.n0.id
  health_check {
    path                = "/health"
    interval            = 15
    healthy_threshold   = 2
    unhealthy_threshold = 3
  }
}

resource "aws_lb_listener" "e0_https" {
  load_balancer_arn = aws_lb.e0.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = var.certificate_arn
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.e0.arn
  }
}

resource "aws_lb_listener" "e0_http" {
  load_balancer_arn = aws_lb.e0.arn
  port              = 80
  protocol          = "HTTP"
  default_action {
    type = "redirect"
    redirect {
      port        = "443"
      protocol    = "HTTPS"
      status_code = "HTTP_301"
    }
  }
}

resource "aws_launch_template" "c0" {
  name_prefix            = "${local.name}-c0-"
  image_id               = var.ami_id
  instance_type          = var.instance_type
  vpc_security_group_ids = [aws_security_group.n0_app.id]
  user_data              = base64encode(templatefile("${path.module}/user-data.sh", { port = var.app_port }))
}

resource "aws_autoscaling_group" "c0" {
  name                = "${local.name}-c0"
  min_size            = 2
  max_size            = 6
  desired_capacity    = 2
  health_check_type   = "ELB"
  vpc_zone_identifier = aws_subnet.n0_private[*].id
  target_group_arns   = [aws_lb_target_group.e0.arn]
  launch_template {
    id      = aws_launch_template.c0.id
    version = "$Latest"
  }
}

resource "aws_autoscaling_policy" "c0_up" {
  name                   = "${local.name}-c0-up"
  autoscaling_group_name = aws_autoscaling_group.c0.name
  adjustment_type        = "ChangeInCapacity"
  scaling_adjustment     = 1
  cooldown               = 300
}

resource "aws_cloudwatch_metric_alarm" "c0_cpu_high" {
  alarm_name          = "${local.name}-c0-cpu-high"
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 2
  metric_name         = "CPUUtilization"
  namespace           = "AWS/EC2"
  period              = 120
  statistic           = "Average"
  threshold           = 70
  alarm_actions       = [aws_autoscaling_policy.c0_up.arn]
  dimensions = {
    AutoScalingGroupName = aws_autoscaling_group.c0.name
  }
}

resource "aws_db_subnet_group" "d0" {
  name       = "${local.name}-d0"
  subnet_ids = aws_subnet.n0_private[*].id
}

resource "aws_db_instance" "d0" {
  identifier              = "${local.name}-d0"
  engine                  = "postgres"
  engine_version          = "15.4"
  instance_class          = var.db_class
  allocated_storage       = 100
  multi_az                = true
  storage_encrypted       = true
  kms_key_id              = aws_kms_key.o0.arn
  backup_retention_period = 7
  backup_window           = "03:00-04:00"
  username                = "app"
  password                = var.db_password
  db_subnet_group_name    = aws_db_subnet_group.d0.name
  vpc_security_group_ids  = [aws_security_group.n0_app.id]
  deletion_protection     = true
}

resource "aws_elasticache_replication_group" "d0" {
  replication_group_id       = "${local.name}-d0"
  description                = "cache d0"
  engine                     = "redis"
  engine_version             = "7.0"
  node_type                  = "cache.t4g.small"
  num_cache_clusters         = 2
  automatic_failover_enabled = true
  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
}

resource "aws_s3_bucket" "d0" {
  for_each = toset(["assets", "logs"])
  bucket   = "${local.name}-d0-${each.key}"
}

resource "aws_sqs_queue" "d0" {
  name                      = "${local.name}-d0-jobs"
  message_retention_seconds = 345600
  kms_master_key_id         = aws_kms_key.o0.id
}

resource "aws_sns_topic" "d0" {
  name = "${local.name}-d0-events"
}

resource "aws_dynamodb_table" "d0" {
  name         = "${local.name}-d0-sessions"
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
