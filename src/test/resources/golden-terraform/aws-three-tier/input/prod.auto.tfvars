db_instance_class = "db.r6g.large"
db_password       = "S3cr3t-from-tfvars"
