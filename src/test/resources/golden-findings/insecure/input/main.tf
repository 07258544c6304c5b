# A deliberately careless stack: each block below should give at least one finding.
resource "aws_security_group" "db" {
  name = "db"
  ingress {
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_db_instance" "legacy" {
  identifier             = "legacy"
  engine                 = "postgres"
  engine_version         = "11.22"
  instance_class         = "db.t3.medium"
  publicly_accessible    = true
  backup_retention_period = 0
  skip_final_snapshot    = true
  password               = "hunter2-literal-password"
  vpc_security_group_ids = [aws_security_group.db.id]
}

resource "aws_elasticache_cluster" "cache" {
  cluster_id      = "cache"
  engine          = "redis"
  num_cache_nodes = 1
}

resource "aws_s3_bucket" "uploads" {
  bucket = "uploads"
}

resource "aws_lb" "web" {
  name = "web"
}

resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.web.arn
  port              = 80
  protocol          = "HTTP"
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.web.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-2016-08"
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }
}

resource "aws_lb_target_group" "web" {
  name     = "web"
  port     = 8080
  protocol = "HTTP"
}

resource "aws_lb_target_group_attachment" "one" {
  target_group_arn = aws_lb_target_group.web.arn
  target_id        = "i-0123456789abcdef0"
}

resource "aws_wafv2_web_acl" "main" {
  name  = "main"
  scope = "REGIONAL"
}

resource "aws_iam_policy" "everything" {
  name   = "everything"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]
  })
}

resource "aws_iam_access_key" "ci" {
  user = "ci"
}

resource "aws_autoscaling_group" "app" {
  name              = "app"
  min_size          = 1
  max_size          = 1
  target_group_arns = [aws_lb_target_group.web.arn]
}
