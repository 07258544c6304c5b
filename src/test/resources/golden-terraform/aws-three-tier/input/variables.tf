variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "project" {
  type        = string
  description = "Short name used in every resource name"
}

variable "environment" {
  type    = string
  default = "staging"
}

variable "vpc_cidr" {
  type    = string
  default = "10.20.0.0/16"
}

variable "azs" {
  type    = list(string)
  default = ["eu-west-1a", "eu-west-1b"]
}

variable "instance_type" {
  type    = string
  default = "t3.small"
}

variable "asg_capacity" {
  type = object({ min = number, max = number, desired = number })
  default = {
    min     = 2
    max     = 6
    desired = 2
  }
}

variable "certificate_arn" {
  type        = string
  description = "ACM certificate for the public listener"
}

variable "db_password" {
  type      = string
  sensitive = true
}

variable "db_instance_class" {
  type    = string
  default = "db.t3.medium"
}

variable "log_groups" {
  type    = set(string)
  default = ["app", "nginx"]
}

variable "domain" {
  type    = string
  default = "shop.example.com"
}

variable "cloudfront_certificate_arn" {
  type        = string
  description = "ACM certificate in us-east-1 for the distribution's aliases"
}
