provider "aws" {
  region = "eu-west-1"
}

module "web" {
  source = "../../modules/web"
  name   = "shop-staging"
  cidr   = "10.20.0.0/16"
  azs    = ["eu-west-1a"]
}

resource "aws_db_instance" "orders" {
  identifier              = "shop-staging-orders"
  engine                  = "postgres"
  engine_version          = "16.2"
  instance_class          = "db.t4g.medium"
  allocated_storage       = 20
  multi_az                = false
  storage_encrypted       = true
  backup_retention_period = 1
}
