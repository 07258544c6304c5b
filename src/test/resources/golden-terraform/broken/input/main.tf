variable "environment" {
  type = string
}

variable "admin_cidr" {
  type = string
}

resource "aws_instance" "bastion" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
  subnet_id     = aws_subnet.mgmt.id
  key_name      = "ops-${var.environment}"

  tags = {
    Name = "bastion-${var.environment}"
  }
}

resource "aws_security_group" "bastion" {
  name = "bastion"

  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = [var.admin_cidr]
  }
}

module "monitoring" {
  source = "./modules/monitoring"
}

resource "aws_eip" "bastion" {
  instance = aws_instance.bastion.id
  count    = var.environment == "prod" ? 1 : 0
}
