terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = var.region
}

module "svc00" {
  source        = "./modules/svc00"
  name          = "svc00"
  environment   = var.environment
  instance_type = var.instance_type
  db_password   = var.db_password
  app_port      = 8000
}

module "svc01" {
  source        = "./modules/svc01"
  name          = "svc01"
  environment   = var.environment
  instance_type = var.instance_type
  db_password   = var.db_password
  app_port      = 8001
}

module "svc02" {
  source        = "./modules/svc02"
  name          = "svc02"
  environment   = var.environment
  instance_type = var.instance_type
  db_password   = var.db_password
  app_port      = 8002
}

module "svc03" {
  source        = "./modules/svc03"
  name          = "svc03"
  environment   = var.environment
  instance_type = var.instance_type
  db_password   = var.db_password
  app_port      = 8003
}

output "queues" {
  value = [module.svc00.queue_arn, module.svc01.queue_arn, module.svc02.queue_arn, module.svc03.queue_arn]
}
