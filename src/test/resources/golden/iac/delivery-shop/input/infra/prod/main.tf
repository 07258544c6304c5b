variable "image_tag" {
  type    = string
  default = "1.4.2"
}

resource "aws_ecs_cluster" "shop" {
  name = "shop"
}

resource "aws_ecs_task_definition" "api" {
  family                   = "shop-api"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 512
  memory                   = 1024

  container_definitions = jsonencode([
    {
      name      = "api"
      image     = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop-api:${var.image_tag}"
      essential = true
      portMappings = [
        { containerPort = 8000, protocol = "tcp" }
      ]
    }
  ])
}

resource "aws_ecs_service" "api" {
  name            = "shop-api"
  cluster         = aws_ecs_cluster.shop.id
  task_definition = aws_ecs_task_definition.api.arn
  desired_count   = 2
  launch_type     = "FARGATE"
}
