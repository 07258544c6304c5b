provider "google" {
  project = var.project_id
  region  = var.region
}

variable "project_id" {
  type    = string
  default = "acme-analytics"
}

variable "region" {
  type    = string
  default = "europe-west1"
}

resource "google_compute_network" "main" {
  name                    = "analytics"
  auto_create_subnetworks = false
}

resource "google_compute_subnetwork" "apps" {
  name                     = "analytics-apps"
  ip_cidr_range            = "10.60.0.0/20"
  region                   = var.region
  network                  = google_compute_network.main.id
  private_ip_google_access = true
}

resource "google_compute_firewall" "allow_https" {
  name          = "allow-https"
  network       = google_compute_network.main.name
  direction     = "INGRESS"
  source_ranges = ["0.0.0.0/0"]
  target_tags   = ["web"]

  allow {
    protocol = "tcp"
    ports    = ["443"]
  }
}

resource "google_compute_instance" "web" {
  for_each     = toset(["a", "b"])
  name         = "web-${each.key}"
  machine_type = "e2-standard-2"
  zone         = "${var.region}-${each.key}"
  tags         = ["web"]

  boot_disk {
    initialize_params {
      image = "debian-cloud/debian-12"
    }
  }

  network_interface {
    subnetwork = google_compute_subnetwork.apps.id
  }
}

resource "google_sql_database_instance" "main" {
  name             = "analytics-pg"
  database_version = "POSTGRES_15"
  region           = var.region

  settings {
    tier              = "db-custom-2-7680"
    availability_type = "REGIONAL"

    backup_configuration {
      enabled                        = true
      point_in_time_recovery_enabled = true
    }

    ip_configuration {
      ipv4_enabled    = false
      private_network = google_compute_network.main.id
    }
  }

  deletion_protection = true
}

resource "google_redis_instance" "cache" {
  name               = "analytics-cache"
  tier               = "STANDARD_HA"
  memory_size_gb     = 4
  redis_version      = "REDIS_7_0"
  region             = var.region
  authorized_network = google_compute_network.main.id
}

resource "google_storage_bucket" "exports" {
  name                        = "${var.project_id}-exports"
  location                    = "EU"
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"

  versioning {
    enabled = true
  }
}

resource "google_container_cluster" "main" {
  name       = "analytics"
  location   = var.region
  network    = google_compute_network.main.id
  subnetwork = google_compute_subnetwork.apps.id

  enable_autopilot = true
}

# A provider this tool has no table entry for: listed as unclassified, never dropped.
resource "newrelic_alert_policy" "analytics" {
  name = "analytics"
}
