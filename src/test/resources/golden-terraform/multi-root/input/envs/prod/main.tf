provider "aws" {
  region = "eu-west-1"
}

module "web" {
  source        = "../../modules/web"
  name          = "shop-prod"
  cidr          = "10.10.0.0/16"
  azs           = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
  instance_type = "m6i.large"
  min_size      = 3
  max_size      = 12
}

resource "aws_db_instance" "orders" {
  identifier              = "shop-prod-orders"
  engine                  = "postgres"
  engine_version          = "16.2"
  instance_class          = "db.r6g.large"
  allocated_storage       = 200
  multi_az                = true
  storage_encrypted       = true
  backup_retention_period = 14
  deletion_protection     = true
}

# Two bastions, one per AZ: drawn as one box (aws_instance.bastion[0..1], x2).
resource "aws_instance" "bastion" {
  count         = 2
  ami           = "ami-0abc1234def567890"
  instance_type = "t3.micro"
  subnet_id     = module.web.public_subnet_ids[count.index]
  tags          = { Name = "bastion-${count.index}" }
}
