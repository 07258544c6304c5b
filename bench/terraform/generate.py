#!/usr/bin/env python3
"""Writes a generated Terraform tree for the scan benchmark (bench/terraform/run.sh).

Default shape: 5,000 resource blocks in 500 .tf files across 20 local modules (plus the root
that calls them). Each module is one "service stack" with a realistic AWS mix: network (VPC,
subnets with count, route tables, security groups and rules), edge (ALB, listeners, target
groups), compute (launch templates, autoscaling groups, scaling policies, alarms), data (RDS,
ElastiCache, S3 with for_each, SQS, SNS, DynamoDB), operations (log groups, IAM roles, KMS).
Resources reference each other (aws_vpc.this.id, aws_subnet.private[*].id, var.*, local.*),
variables have defaults and the root passes inputs and reads module outputs.

Deterministic: the same arguments write the same bytes.

usage: bench/terraform/generate.py OUT_DIR [--resources 5000] [--files 500] [--modules 20]
"""
import argparse
import os
import shutil

# One "unit" is a group of resource blocks that reference each other; templates take (m, i) =
# module index and unit index, and return (resource block count, text).
def unit_network(m, i):
    n = f"n{i}"
    text = f'''
resource "aws_vpc" "{n}" {{
  cidr_block           = "10.{m}.{i % 256}.0/24"
  enable_dns_hostnames = true
  tags = merge(local.tags, {{ Name = "${{local.name}}-{n}" }})
}}

resource "aws_subnet" "{n}_public" {{
  count                   = 2
  vpc_id                  = aws_vpc.{n}.id
  cidr_block              = cidrsubnet(aws_vpc.{n}.cidr_block, 2, count.index)
  availability_zone       = var.azs[count.index]
  map_public_ip_on_launch = true
  tags = {{ Name = "${{local.name}}-{n}-public-${{count.index}}", Tier = "public" }}
}}

resource "aws_subnet" "{n}_private" {{
  count             = 2
  vpc_id            = aws_vpc.{n}.id
  cidr_block        = cidrsubnet(aws_vpc.{n}.cidr_block, 2, count.index + 2)
  availability_zone = var.azs[count.index]
  tags = {{ Name = "${{local.name}}-{n}-private-${{count.index}}", Tier = "private" }}
}}

resource "aws_internet_gateway" "{n}" {{
  vpc_id = aws_vpc.{n}.id
}}

resource "aws_route_table" "{n}_public" {{
  vpc_id = aws_vpc.{n}.id
  route {{
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.{n}.id
  }}
}}

resource "aws_route_table_association" "{n}_public" {{
  count          = 2
  subnet_id      = aws_subnet.{n}_public[count.index].id
  route_table_id = aws_route_table.{n}_public.id
}}

resource "aws_security_group" "{n}_web" {{
  name   = "${{local.name}}-{n}-web"
  vpc_id = aws_vpc.{n}.id
  ingress {{
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }}
  egress {{
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }}
}}

resource "aws_security_group" "{n}_app" {{
  name   = "${{local.name}}-{n}-app"
  vpc_id = aws_vpc.{n}.id
}}

resource "aws_security_group_rule" "{n}_app_from_web" {{
  type                     = "ingress"
  from_port                = var.app_port
  to_port                  = var.app_port
  protocol                 = "tcp"
  security_group_id        = aws_security_group.{n}_app.id
  source_security_group_id = aws_security_group.{n}_web.id
}}
'''
    return 9, text


def unit_edge(m, i):
    n = f"e{i}"
    text = f'''
resource "aws_lb" "{n}" {{
  name               = "${{local.name}}-{n}"
  load_balancer_type = "application"
  internal           = false
  security_groups    = [aws_security_group.n{i}_web.id]
  subnets            = aws_subnet.n{i}_public[*].id
  access_logs {{
    bucket  = aws_s3_bucket.d{i}["logs"].id
    enabled = true
  }}
}}

resource "aws_lb_target_group" "{n}" {{
  name     = "${{local.name}}-{n}"
  port     = var.app_port
  protocol = "HTTP"
  vpc_id   = aws_vpc.n{i}.id
  health_check {{
    path                = "/health"
    interval            = 15
    healthy_threshold   = 2
    unhealthy_threshold = 3
  }}
}}

resource "aws_lb_listener" "{n}_https" {{
  load_balancer_arn = aws_lb.{n}.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = var.certificate_arn
  default_action {{
    type             = "forward"
    target_group_arn = aws_lb_target_group.{n}.arn
  }}
}}

resource "aws_lb_listener" "{n}_http" {{
  load_balancer_arn = aws_lb.{n}.arn
  port              = 80
  protocol          = "HTTP"
  default_action {{
    type = "redirect"
    redirect {{
      port        = "443"
      protocol    = "HTTPS"
      status_code = "HTTP_301"
    }}
  }}
}}
'''
    return 4, text


def unit_compute(m, i):
    n = f"c{i}"
    text = f'''
resource "aws_launch_template" "{n}" {{
  name_prefix            = "${{local.name}}-{n}-"
  image_id               = var.ami_id
  instance_type          = var.instance_type
  vpc_security_group_ids = [aws_security_group.n{i}_app.id]
  user_data              = base64encode(templatefile("${{path.module}}/user-data.sh", {{ port = var.app_port }}))
}}

resource "aws_autoscaling_group" "{n}" {{
  name                = "${{local.name}}-{n}"
  min_size            = 2
  max_size            = 6
  desired_capacity    = 2
  health_check_type   = "ELB"
  vpc_zone_identifier = aws_subnet.n{i}_private[*].id
  target_group_arns   = [aws_lb_target_group.e{i}.arn]
  launch_template {{
    id      = aws_launch_template.{n}.id
    version = "$Latest"
  }}
}}

resource "aws_autoscaling_policy" "{n}_up" {{
  name                   = "${{local.name}}-{n}-up"
  autoscaling_group_name = aws_autoscaling_group.{n}.name
  adjustment_type        = "ChangeInCapacity"
  scaling_adjustment     = 1
  cooldown               = 300
}}

resource "aws_cloudwatch_metric_alarm" "{n}_cpu_high" {{
  alarm_name          = "${{local.name}}-{n}-cpu-high"
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 2
  metric_name         = "CPUUtilization"
  namespace           = "AWS/EC2"
  period              = 120
  statistic           = "Average"
  threshold           = 70
  alarm_actions       = [aws_autoscaling_policy.{n}_up.arn]
  dimensions = {{
    AutoScalingGroupName = aws_autoscaling_group.{n}.name
  }}
}}
'''
    return 4, text


def unit_data(m, i):
    n = f"d{i}"
    text = f'''
resource "aws_db_subnet_group" "{n}" {{
  name       = "${{local.name}}-{n}"
  subnet_ids = aws_subnet.n{i}_private[*].id
}}

resource "aws_db_instance" "{n}" {{
  identifier              = "${{local.name}}-{n}"
  engine                  = "postgres"
  engine_version          = "15.4"
  instance_class          = var.db_class
  allocated_storage       = 100
  multi_az                = true
  storage_encrypted       = true
  kms_key_id              = aws_kms_key.o{i}.arn
  backup_retention_period = 7
  backup_window           = "03:00-04:00"
  username                = "app"
  password                = var.db_password
  db_subnet_group_name    = aws_db_subnet_group.{n}.name
  vpc_security_group_ids  = [aws_security_group.n{i}_app.id]
  deletion_protection     = true
}}

resource "aws_elasticache_replication_group" "{n}" {{
  replication_group_id       = "${{local.name}}-{n}"
  description                = "cache {n}"
  engine                     = "redis"
  engine_version             = "7.0"
  node_type                  = "cache.t4g.small"
  num_cache_clusters         = 2
  automatic_failover_enabled = true
  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
}}

resource "aws_s3_bucket" "{n}" {{
  for_each = toset(["assets", "logs"])
  bucket   = "${{local.name}}-{n}-${{each.key}}"
}}

resource "aws_sqs_queue" "{n}" {{
  name                      = "${{local.name}}-{n}-jobs"
  message_retention_seconds = 345600
  kms_master_key_id         = aws_kms_key.o{i}.id
}}

resource "aws_sns_topic" "{n}" {{
  name = "${{local.name}}-{n}-events"
}}

resource "aws_dynamodb_table" "{n}" {{
  name         = "${{local.name}}-{n}-sessions"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"
  attribute {{
    name = "id"
    type = "S"
  }}
  point_in_time_recovery {{
    enabled = true
  }}
}}
'''
    return 7, text


def unit_ops(m, i):
    n = f"o{i}"
    text = f'''
resource "aws_kms_key" "{n}" {{
  description             = "${{local.name}} {n}"
  deletion_window_in_days = 30
  enable_key_rotation     = true
}}

resource "aws_cloudwatch_log_group" "{n}" {{
  name              = "/app/${{local.name}}/{n}"
  retention_in_days = var.log_retention
  kms_key_id        = aws_kms_key.{n}.arn
}}

resource "aws_iam_role" "{n}" {{
  name = "${{local.name}}-{n}"
  assume_role_policy = jsonencode({{
    Version = "2012-10-17"
    Statement = [{{
      Effect    = "Allow"
      Principal = {{ Service = "ec2.amazonaws.com" }}
      Action    = "sts:AssumeRole"
    }}]
  }})
}}

resource "aws_iam_role_policy" "{n}" {{
  name = "${{local.name}}-{n}"
  role = aws_iam_role.{n}.id
  policy = jsonencode({{
    Version = "2012-10-17"
    Statement = [{{
      Effect   = "Allow"
      Action   = ["sqs:SendMessage", "sqs:ReceiveMessage"]
      Resource = aws_sqs_queue.d{i}.arn
    }}]
  }})
}}

resource "aws_secretsmanager_secret" "{n}" {{
  name       = "${{local.name}}/{n}/db"
  kms_key_id = aws_kms_key.{n}.id
}}
'''
    return 5, text


# A stack of one of each unit is 29 resource blocks in 5 files.
UNITS = [("network", unit_network), ("edge", unit_edge), ("compute", unit_compute),
         ("data", unit_data), ("ops", unit_ops)]
PER_STACK = sum(f(0, 0)[0] for _, f in UNITS)

MODULE_VARIABLES = '''
variable "name" {
  type = string
}

variable "environment" {
  type    = string
  default = "prod"
}

variable "azs" {
  type    = list(string)
  default = ["eu-west-1a", "eu-west-1b"]
}

variable "app_port" {
  type    = number
  default = 8080
}

variable "ami_id" {
  type    = string
  default = "ami-0123456789abcdef0"
}

variable "instance_type" {
  type    = string
  default = "t3.medium"
}

variable "db_class" {
  type    = string
  default = "db.r6g.large"
}

variable "db_password" {
  type      = string
  sensitive = true
}

variable "certificate_arn" {
  type    = string
  default = "arn:aws:acm:eu-west-1:123456789012:certificate/bench"
}

variable "log_retention" {
  type    = number
  default = 30
}

locals {
  tags = {
    Service     = var.name
    Environment = var.environment
    ManagedBy   = "terraform"
  }
}
'''


def main():
    p = argparse.ArgumentParser()
    p.add_argument("out")
    p.add_argument("--resources", type=int, default=5000)
    p.add_argument("--files", type=int, default=500)
    p.add_argument("--modules", type=int, default=20)
    a = p.parse_args()
    if os.path.exists(a.out):
        shutil.rmtree(a.out)
    os.makedirs(a.out)

    # Resource files per module, so that with variables.tf + outputs.tf in each module and
    # main.tf + variables.tf in the root the tree has a.files files.
    data_files = a.files - 2 - 2 * a.modules
    per_module_resources = a.resources // a.modules
    total_files = 0
    total_resources = 0
    root_calls = []
    for m in range(a.modules):
        mod = f"svc{m:02d}"
        per_module_files = max(1, data_files // a.modules + (1 if m < data_files % a.modules else 0))
        d = os.path.join(a.out, "modules", mod)
        os.makedirs(d)
        # Fill the module's files with whole units (round-robin over unit kinds), grouped by stack
        # so every reference resolves inside the module.
        chunks = []
        count = 0
        stack = 0
        while count + PER_STACK <= per_module_resources:
            for kind, f in UNITS:
                n, text = f(m, stack)
                chunks.append((kind, stack, text))
                count += n
            stack += 1
        # Whole stacks keep every reference resolvable; log groups pad to the exact count.
        pad = per_module_resources - count
        for k in range(pad):
            chunks.append(("ops", stack, f'''
resource "aws_cloudwatch_log_group" "pad{k}" {{
  name              = "/pad/${{local.name}}/{k}"
  retention_in_days = var.log_retention
}}
'''))
        count += pad
        files = [[] for _ in range(per_module_files)]
        for idx, (kind, s, text) in enumerate(chunks):
            files[idx * per_module_files // len(chunks)].append(text)
        for fi, texts in enumerate(files):
            with open(os.path.join(d, f"stack{fi:02d}.tf"), "w") as fh:
                fh.write("".join(texts) if texts else "# empty\n")
            total_files += 1
        with open(os.path.join(d, "variables.tf"), "w") as fh:
            fh.write(MODULE_VARIABLES.replace("local.name", "var.name"))
            fh.write('\nlocals {\n  name = "${var.name}-${var.environment}"\n}\n')
        with open(os.path.join(d, "outputs.tf"), "w") as fh:
            fh.write(f'''output "vpc_id" {{
  value = aws_vpc.n0.id
}}

output "queue_arn" {{
  value = aws_sqs_queue.d0.arn
}}
''')
        total_files += 2
        total_resources += count
        root_calls.append(f'''
module "{mod}" {{
  source        = "./modules/{mod}"
  name          = "{mod}"
  environment   = var.environment
  instance_type = var.instance_type
  db_password   = var.db_password
  app_port      = {8000 + m}
}}
''')
    with open(os.path.join(a.out, "main.tf"), "w") as fh:
        fh.write('terraform {\n  required_providers {\n    aws = {\n      source  = "hashicorp/aws"\n'
                 '      version = "~> 5.0"\n    }\n  }\n}\n\nprovider "aws" {\n  region = var.region\n}\n')
        fh.write("".join(root_calls))
        fh.write('\noutput "queues" {\n  value = [' + ", ".join(f"module.svc{m:02d}.queue_arn" for m in range(a.modules)) + "]\n}\n")
    with open(os.path.join(a.out, "variables.tf"), "w") as fh:
        fh.write('variable "region" {\n  default = "eu-west-1"\n}\n\nvariable "environment" {\n  default = "prod"\n}\n\n'
                 'variable "instance_type" {\n  default = "t3.large"\n}\n\nvariable "db_password" {\n  sensitive = true\n}\n')
    total_files += 2
    print(f"{a.out}: {total_resources} resource blocks, {total_files} .tf files, {a.modules} modules")


if __name__ == "__main__":
    main()
