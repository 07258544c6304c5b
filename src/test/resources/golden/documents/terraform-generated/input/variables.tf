variable "region" {
  default = "eu-west-1"
}

variable "environment" {
  default = "prod"
}

variable "instance_type" {
  default = "t3.large"
}

variable "db_password" {
  sensitive = true
}
