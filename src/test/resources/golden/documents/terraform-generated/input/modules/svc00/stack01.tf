
resource "aws_kms_key" "o0" {
  description             = "${local.name} o0"
  deletion_window_in_days = 30
  enable_key_rotation     = true
}

resource "aws_cloudwatch_log_group" "o0" {
  name              = "/app/${local.name}/o0"
  retention_in_days = var.log_retention
  kms_key_id        = aws_kms_key.o0.arn
}

resource "aws_iam_role" "o0" {
  name = "${local.name}-o0"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ec2.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "o0" {
  name = "${local.name}-o0"
  role = aws_iam_role.o0.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["sqs:SendMessage", "sqs:ReceiveMessage"]
      Resource = aws_sqs_queue.d0.arn
    }]
  })
}

resource "aws_secretsmanager_secret" "o0" {
  name       = "${local.name}/o0/db"
  kms_key_id = aws_kms_key.o0.id
}

resource "aws_vpc" "n1" {
  cidr_block           = "10.0.1.0/24"
  enable_dns_hostnames = true
  tags = merge(local.tags, { Name = "${local.name}-n1" })
}

resource "aws_subnet" "n1_public" {
  count                   = 2
  vpc_id                  = aws_vpc.n1.id
  cidr_block              = cidrsubnet(aws_vpc.n1.cidr_block, 2, count.index)
  availability_zone       = var.azs[count.index]
  map_public_ip_on_launch = true
  tags = { Name = "${local.name}-n1-public-${count.index}", Tier = "public" }
}

resource "aws_subnet" "n1_private" {
  count             = 2
  vpc_id            = aws_vpc.n1.id
  cidr_block        = cidrsubnet(aws_vpc.n1.cidr_block, 2, count.index + 2)
  availability_zone = var.azs[count.index]
  tags = { Name = "${local.name}-n1-private-${count.index}", Tier = "private" }
}

resource "aws_internet_gateway" "n1" {
  vpc_id = aws_vpc.n1.id
}

resource "aws_route_table" "n1_public" {
  vpc_id = aws_vpc.n1.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.n1.id
  }
}

resource "aws_route_table_association" "n1_public" {
  count          = 2
  subnet_id      = aws_subnet.n1_public[count.index].id
  route_table_id = aws_route_table.n1_public.id
}

resource "aws_security_group" "n1_web" {
  name   = "${local.name}-n1-web"
  vpc_id = aws_vpc.n1.id
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

resource "aws_security_group" "n1_app" {
  name   = "${local.name}-n1-app"
  vpc_id = aws_vpc.n1.id
}

resource "aws_security_group_rule" "n1_app_from_web" {
  type                     = "ingress"
  from_port                = var.app_port
  to_port                  = var.app_port
  protocol                 = "tcp"
  security_group_id        = aws_security_group.n1_app.id
  source_security_group_id = aws_security_group.n1_web.id
}

resource "aws_lb" "e1" {
  name               = "${local.name}-e1"
  load_balancer_type = "application"
  internal           = false
  security_groups    = [aws_security_group.n1_web.id]
  subnets            = aws_subnet.n1_public[*].id
  access_logs {
    bucket  = aws_s3_bucket.d1["logs"].id
    enabled = true
  }
}

resource "aws_lb_target_group" "e1" {
  name     = "${local.name}-e1"
  port     = var.app_port
  protocol = "HTTP"
  vpc_id   = aws_vpc.n1.id
  health_check {
    path                = "/health"
    interval            = 15
    healthy_threshold   = 2
    unhealthy_threshold = 3
  }
}

resource "aws_lb_listener" "e1_https" {
  load_balancer_arn = aws_lb.e1.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = var.certificate_arn
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.e1.arn
  }
}

resource "aws_lb_listener" "e1_http" {
  load_balancer_arn = aws_lb.e1.arn
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
