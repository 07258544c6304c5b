variable "azs" {
  type    = list(string)
  default = ["eu-central-1a", "eu-central-1b"]
}

variable "image_tag" {
  description = "Set by the deploy pipeline"
  type        = string
}

variable "certificate_arn" {
  type    = string
  default = "arn:aws:acm:eu-central-1:123456789012:certificate/orders"
}

locals {
  name     = "orders"
  app_port = 8080
}
