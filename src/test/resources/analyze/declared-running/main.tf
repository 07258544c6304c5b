# The recorded host golden/host/shop-stack (hostname idlead, 10.231.50.2) as code declares it,
# plus one instance that was never scanned. Used by DeclaredRunningTest.

resource "aws_security_group" "web" {
  name = "shop-web"

  ingress {
    description = "web from anywhere"
    from_port   = 80
    to_port     = 80
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    description = "TLS from anywhere"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_instance" "web" {
  ami                    = "ami-0abcdef1234567890"
  instance_type          = "t3.small"
  private_ip             = "10.231.50.2"
  vpc_security_group_ids = [aws_security_group.web.id]

  tags = {
    Name = "shop-web"
  }
}

resource "aws_instance" "batch" {
  ami                    = "ami-0abcdef1234567890"
  instance_type          = "t3.small"
  private_ip             = "10.231.50.9"
  vpc_security_group_ids = [aws_security_group.web.id]

  tags = {
    Name = "shop-batch"
  }
}
