output "vpc_id" {
  value = aws_vpc.n0.id
}

output "queue_arn" {
  value = aws_sqs_queue.d0.arn
}
