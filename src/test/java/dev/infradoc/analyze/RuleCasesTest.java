package dev.infradoc.analyze;

import static dev.infradoc.model.ComponentKind.APPLICATION;
import static dev.infradoc.model.ComponentKind.CACHE;
import static dev.infradoc.model.ComponentKind.DATABASE;
import static dev.infradoc.model.ComponentKind.FIREWALL;
import static dev.infradoc.model.ComponentKind.LOAD_BALANCER;
import static dev.infradoc.model.ComponentKind.MONITORING;
import static dev.infradoc.model.ComponentKind.NETWORK;
import static dev.infradoc.model.ComponentKind.OBJECT_STORAGE;
import static dev.infradoc.model.ComponentKind.SCHEDULER;
import static dev.infradoc.model.ComponentKind.SYSTEM;
import static dev.infradoc.model.ComponentKind.WEB_SERVER;
import static dev.infradoc.model.ComponentKind.WORKER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.infradoc.model.Dependency;
import dev.infradoc.model.Finding;
import dev.infradoc.model.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * For every rule, a model where it must fire (and the text its detail must contain) and a model
 * that differs in the one fact the rule is about, where it must stay silent.
 */
class RuleCasesTest {
  private static final Debian12 OS = new Debian12();

  /** Rule id, the positive model and a substring its finding's detail must contain, the negative model. */
  record Case(String rule, String when, Supplier<Model> positive, String detailHas, String unless, Supplier<Model> negative) {}

  private record Debian12() {
    String name() {
      return "Debian GNU/Linux 12 (bookworm)";
    }
  }

  static List<Case> cases() {
    List<Case> c = new ArrayList<>();
    c.add(new Case("security.network.sensitive-port-open-to-world", "a group allows 0.0.0.0/0 to 5432",
        () -> new Models().tf("aws_security_group.db", NETWORK, "rule[0]", "ingress: tcp 5432 from 0.0.0.0/0").build(), "5432 (PostgreSQL",
        "the peer is a private CIDR", () -> new Models().tf("aws_security_group.db", NETWORK, "rule[0]", "ingress: tcp 5432 from 10.0.0.0/8").build()));
    c.add(new Case("security.network.ssh-open-to-world", "a group allows ::/0 to 22",
        () -> new Models().tf("aws_security_group.bastion", NETWORK, "rule[0]", "ingress: tcp 22 from ::/0 (ssh)").build(), "port 22 is reachable",
        "port 22 comes from another group", () -> new Models().tf("aws_security_group.bastion", NETWORK, "rule[0]", "ingress: tcp 22 from aws_security_group.vpn").build()));
    c.add(new Case("security.datastore.listens-beyond-loopback", "PostgreSQL listens on 0.0.0.0",
        () -> new Models().host("web01", OS.name(), "2 x EPYC").run("web01", "postgres", DATABASE, "PostgreSQL", "", "postgres", List.of("0.0.0.0:5432")).build(), "0.0.0.0:5432",
        "it listens on 127.0.0.1", () -> new Models().host("web01", OS.name(), "2 x EPYC").run("web01", "postgres", DATABASE, "PostgreSQL", "", "postgres", List.of("127.0.0.1:5432")).build()));
    c.add(new Case("security.host.admin-port-beyond-loopback", "node_exporter listens on 0.0.0.0:9100",
        () -> new Models().host("web01", OS.name(), "2").run("web01", "node_exporter", MONITORING, "Prometheus node_exporter", "", "prometheus", List.of("0.0.0.0:9100")).build(), "9100",
        "it listens on loopback", () -> new Models().host("web01", OS.name(), "2").run("web01", "node_exporter", MONITORING, "Prometheus node_exporter", "", "prometheus", List.of("127.0.0.1:9100")).build()));
    c.add(new Case("security.datastore.listens-beyond-loopback", "Compose publishes PostgreSQL on all interfaces",
        () -> new Models().compose("db", DATABASE, List.of("0.0.0.0:5432"), "ports", "0.0.0.0:5432->5432/tcp (all interfaces)").build(),
        "publishes 0.0.0.0:5432 on every interface of the Docker host",
        "it is published on 127.0.0.1", () -> new Models().compose("db", DATABASE, List.of("127.0.0.1:5432"), "ports", "127.0.0.1:5432->5432/tcp").build()));
    c.add(new Case("security.datastore.listens-beyond-loopback", "a LoadBalancer Service selects the PostgreSQL StatefulSet",
        () -> k8sService("LoadBalancer", "external load balancer", List.of("0.0.0.0:5432")), "selects the data store k8s:shop/statefulset/postgres",
        "the Service is ClusterIP", () -> k8sService("ClusterIP", "inside the cluster", List.of())));
    c.add(new Case("security.datastore.listens-beyond-loopback", "a NodePort Service selects the PostgreSQL StatefulSet",
        () -> k8sService("NodePort", "port on every node", List.of("0.0.0.0:30432")), "is of type NodePort",
        "the load balancer is internal", () -> k8sService("LoadBalancer", "internal load balancer", List.of())));
    c.add(new Case("security.host.admin-port-beyond-loopback", "Compose publishes Prometheus on all interfaces",
        () -> new Models().compose("prometheus", MONITORING, List.of("0.0.0.0:9090"), "ports", "0.0.0.0:9090->9090/tcp (all interfaces)").build(),
        "listens on 0.0.0.0:9090",
        "it is published on 127.0.0.1", () -> new Models().compose("prometheus", MONITORING, List.of("127.0.0.1:9090"), "ports", "127.0.0.1:9090->9090/tcp").build()));
    c.add(new Case("security.host.admin-port-beyond-loopback", "a LoadBalancer Service exposes Grafana",
        () -> new Models().k8s("mon/service/grafana", LOAD_BALANCER, List.of("0.0.0.0:3000"), "type", "LoadBalancer", "exposure", "external load balancer").build(),
        "Kubernetes LoadBalancer Service",
        "loadBalancerSourceRanges limits it to the office", () -> new Models().k8s("mon/service/grafana", LOAD_BALANCER, List.of("0.0.0.0:3000"),
            "type", "LoadBalancer", "exposure", "external load balancer", "loadBalancerSourceRanges", "203.0.113.0/24").build()));
    c.add(new Case("security.datastore.publicly-accessible", "publicly_accessible = true",
        () -> new Models().tf("aws_db_instance.main", DATABASE, "publicly_accessible", "true").build(), "publicly_accessible = true",
        "publicly_accessible = false", () -> new Models().tf("aws_db_instance.main", DATABASE, "publicly_accessible", "false").build()));
    c.add(new Case("security.s3.public-access", "a bucket has no public access block",
        () -> new Models().tf("aws_s3_bucket.assets", OBJECT_STORAGE, "bucket", "assets").build(), "No aws_s3_bucket_public_access_block",
        "a complete block refers to it", () -> {
          Models m = new Models().tf("aws_s3_bucket.assets", OBJECT_STORAGE, "bucket", "assets")
              .tf("aws_s3_bucket_public_access_block.assets", OBJECT_STORAGE, "block_public_acls", "true", "block_public_policy", "true",
                  "ignore_public_acls", "true", "restrict_public_buckets", "true");
          return m.edge("tf:aws_s3_bucket_public_access_block.assets", "tf:aws_s3_bucket.assets", 0, Dependency.DECLARED).build();
        }));
    c.add(new Case("security.lb.plain-http-listener", "an HTTP listener forwards",
        () -> new Models().tf("aws_lb_listener.http", LOAD_BALANCER, "protocol", "HTTP", "port", "80", "default_action.type", "forward").build(), "default action is forward",
        "it redirects", () -> new Models().tf("aws_lb_listener.http", LOAD_BALANCER, "protocol", "HTTP", "port", "80", "default_action.type", "redirect").build()));
    c.add(new Case("security.tls.policy-below-1-2", "an HTTPS listener has no ssl_policy",
        () -> new Models().tf("aws_lb_listener.https", LOAD_BALANCER, "protocol", "HTTPS", "port", "443").build(), "does not set ssl_policy",
        "it uses a TLS 1.2+ policy", () -> new Models().tf("aws_lb_listener.https", LOAD_BALANCER, "protocol", "HTTPS", "port", "443", "ssl_policy", "ELBSecurityPolicy-TLS13-1-2-2021-06").build()));
    c.add(new Case("security.waf.not-attached", "a web ACL has no association",
        () -> new Models().tf("aws_wafv2_web_acl.main", FIREWALL, "name", "main").build(), "No web ACL association",
        "an association refers to it", () -> new Models().tf("aws_wafv2_web_acl.main", FIREWALL, "name", "main")
            .tf("aws_wafv2_web_acl_association.lb", FIREWALL, "web_acl_arn", "aws_wafv2_web_acl.main.arn")
            .edge("tf:aws_wafv2_web_acl_association.lb", "tf:aws_wafv2_web_acl.main", 0, Dependency.DECLARED).build()));
    c.add(new Case("encryption.storage.off-or-unstated", "storage_encrypted is not set",
        () -> new Models().tf("aws_db_instance.main", DATABASE, "engine", "postgres").build(), "does not set storage_encrypted",
        "storage_encrypted = true", () -> new Models().tf("aws_db_instance.main", DATABASE, "engine", "postgres", "storage_encrypted", "true").build()));
    c.add(new Case("encryption.transit.cache", "transit_encryption_enabled = false",
        () -> new Models().tf("aws_elasticache_replication_group.s", CACHE, "transit_encryption_enabled", "false").build(), "sets transit_encryption_enabled = false",
        "it is true", () -> new Models().tf("aws_elasticache_replication_group.s", CACHE, "transit_encryption_enabled", "true").build()));
    c.add(new Case("encryption.s3.unstated", "a bucket has no encryption configuration",
        () -> new Models().tf("aws_s3_bucket.logs", OBJECT_STORAGE, "bucket", "logs").build(), "SSE-S3",
        "an encryption configuration refers to it", () -> new Models().tf("aws_s3_bucket.logs", OBJECT_STORAGE, "bucket", "logs")
            .tf("aws_s3_bucket_server_side_encryption_configuration.logs", OBJECT_STORAGE, "bucket", "aws_s3_bucket.logs.id")
            .edge("tf:aws_s3_bucket_server_side_encryption_configuration.logs", "tf:aws_s3_bucket.logs", 0, Dependency.DECLARED).build()));
    c.add(new Case("identity.iam.wildcard-policy", "a statement allows * on *",
        () -> new Models().tf("aws_iam_policy.admin", SYSTEM, "policy", "jsonencode({ Statement = [{ Effect = \"Allow\" Action = \"*\" Resource = \"*\" }] })").build(), "Action \"*\" and Resource \"*\"",
        "the action is scoped", () -> new Models().tf("aws_iam_policy.admin", SYSTEM, "policy", "jsonencode({ Statement = [{ Effect = \"Allow\" Action = [\"s3:GetObject\"] Resource = \"*\" }] })").build()));
    c.add(new Case("identity.iam.long-lived-access-key", "an aws_iam_access_key is declared",
        () -> new Models().tf("aws_iam_access_key.ci", SYSTEM, "user", "aws_iam_user.ci.name").build(), "does not expire",
        "only a role is declared", () -> new Models().tf("aws_iam_role.ci", SYSTEM, "name", "ci").build()));
    c.add(new Case("secrets.literal-in-code", "an attribute was redacted",
        () -> new Models().tf("aws_elasticache_replication_group.s", CACHE, "auth_token", "[redacted: token]").build(), "holds auth_token as a literal value",
        "the attribute is a reference", () -> new Models().tf("aws_elasticache_replication_group.s", CACHE, "auth_token", "var.redis_token").build()));
    c.add(new Case("secrets.process.command-line", "a command line carries a redacted password",
        () -> new Models().host("web01", OS.name(), "2").run("web01", "app", APPLICATION, "Python", "", "app", List.of(), "commandLine", "app --password [redacted: password]").build(), "contains a password",
        "the command line has no secret", () -> new Models().host("web01", OS.name(), "2").run("web01", "app", APPLICATION, "Python", "", "app", List.of(), "commandLine", "app --port 8000").build()));
    c.add(new Case("security.process.serves-as-root", "gunicorn and its workers run as root",
        () -> new Models().host("web01", OS.name(), "2").run("web01", "shop", APPLICATION, "Gunicorn", "", "root", List.of(), "workers", "2", "workersRunAs", "root").build(), "as root",
        "its workers run as www-data", () -> new Models().host("web01", OS.name(), "2").run("web01", "shop", APPLICATION, "Gunicorn", "", "root", List.of(), "workers", "2", "workersRunAs", "www-data").build()));
    c.add(new Case("security.ssh.password-login", "PasswordAuthentication is not set",
        () -> new Models().host("web01", OS.name(), "2").run("web01", "sshd", SYSTEM, "OpenSSH", "", "root", List.of("0.0.0.0:22"), "sshd.PermitRootLogin", "no", "commandLine", "sshd: /usr/sbin/sshd -D").build(), "OpenSSH's default (yes)",
        "PasswordAuthentication no", () -> new Models().host("web01", OS.name(), "2").run("web01", "sshd", SYSTEM, "OpenSSH", "", "root", List.of("0.0.0.0:22"), "sshd.PasswordAuthentication", "no", "commandLine", "sshd: /usr/sbin/sshd -D").build()));
    c.add(new Case("security.ssh.root-login", "PermitRootLogin yes",
        () -> new Models().host("web01", OS.name(), "2").run("web01", "sshd", SYSTEM, "OpenSSH", "", "root", List.of(), "sshd.PermitRootLogin", "yes").build(), "PermitRootLogin yes",
        "sshd runs with another config file (-f)", () -> new Models().host("web01", OS.name(), "2").run("web01", "sshd", SYSTEM, "OpenSSH", "", "root", List.of(), "sshd.PermitRootLogin", "yes", "commandLine", "sshd: /usr/sbin/sshd -f /tmp/x/sshd_config").build()));
    c.add(new Case("hygiene.eol.os", "the host runs Debian 10",
        () -> new Models().host("web01", "Debian GNU/Linux 10 (buster)", "2").build(), "Debian 10 reached the end of Debian LTS on 2024-06-30",
        "the host runs Debian 12", () -> new Models().host("web01", OS.name(), "2").build()));
    c.add(new Case("hygiene.eol.software", "RDS declares PostgreSQL 11.22",
        () -> new Models().tfv("aws_db_instance.main", DATABASE, "Amazon RDS", "11.22", "engine", "postgres", "engine_version", "11.22").build(), "reached upstream end of life on 2023-11-09",
        "RDS declares PostgreSQL 16.3", () -> new Models().tfv("aws_db_instance.main", DATABASE, "Amazon RDS", "16.3", "engine", "postgres", "engine_version", "16.3").build()));
    c.add(new Case("hygiene.host.no-time-sync", "no chrony/ntpd/timesyncd runs",
        () -> new Models().host("web01", OS.name(), "2").run("web01", "cron", SYSTEM, "cron", "", "root", List.of()).build(), "None of chrony",
        "chrony runs", () -> new Models().host("web01", OS.name(), "2").run("web01", "chronyd", SYSTEM, "chrony", "", "_chrony", List.of()).build()));
    c.add(new Case("hygiene.host.no-log-shipping", "no log shipper runs",
        () -> new Models().host("web01", OS.name(), "2").run("web01", "rsyslogd", SYSTEM, "rsyslog", "", "root", List.of()).build(), "logs stay on the host",
        "Fluent Bit runs", () -> new Models().host("web01", OS.name(), "2").run("web01", "fluent-bit", SYSTEM, "Fluent Bit", "", "root", List.of()).build()));
    c.add(new Case("availability.graph.single-point-of-failure", "one app instance joins nginx to its database",
        () -> chain(false), "the dependency graph splits (nginx; postgres)",
        "a worker also connects nginx to the database", () -> chain(true)));
    c.add(new Case("availability.nat.single-gateway", "one NAT gateway routes private subnets in two zones",
        () -> nat("eu-west-1b"), "is the only route out",
        "both private subnets are in one zone", () -> nat("eu-west-1a")));
    c.add(new Case("availability.database.single-az", "multi_az is not set",
        () -> new Models().tf("aws_db_instance.main", DATABASE, "engine", "postgres").build(), "multi_az is not set (default false)",
        "multi_az = true", () -> new Models().tf("aws_db_instance.main", DATABASE, "multi_az", "true").build()));
    c.add(new Case("availability.cache.single-node", "a cache cluster has num_cache_nodes = 1",
        () -> new Models().tf("aws_elasticache_cluster.c", CACHE, "num_cache_nodes", "1").build(), "num_cache_nodes = 1",
        "it has 2 nodes", () -> new Models().tf("aws_elasticache_cluster.c", CACHE, "num_cache_nodes", "2").build()));
    c.add(new Case("availability.host.app-and-datastore-together", "an app uses PostgreSQL on its own host",
        () -> new Models().host("web01", OS.name(), "2").run("web01", "app", APPLICATION, "Python", "", "app", List.of())
            .run("web01", "postgres", DATABASE, "PostgreSQL", "", "postgres", List.of("127.0.0.1:5432"))
            .edge("host:web01/app", "host:web01/postgres", 5432, Dependency.OBSERVED).build(), "both run on web01",
        "the database is on another host", () -> new Models().host("web01", OS.name(), "2").host("db01", OS.name(), "2")
            .run("web01", "app", APPLICATION, "Python", "", "app", List.of())
            .run("db01", "postgres", DATABASE, "PostgreSQL", "", "postgres", List.of("10.0.0.6:5432"))
            .edge("host:web01/app", "host:db01/postgres", 5432, Dependency.OBSERVED).build()));
    c.add(new Case("availability.health-check.missing", "an ASG behind a target group uses EC2 checks",
        () -> new Models().tf("aws_autoscaling_group.app", APPLICATION, "target_group_arns", "[aws_lb_target_group.app.arn]", "min_size", "2", "max_size", "4").build(), "health_check_type is not set (default EC2)",
        "health_check_type = ELB", () -> new Models().tf("aws_autoscaling_group.app", APPLICATION, "target_group_arns", "[aws_lb_target_group.app.arn]", "health_check_type", "ELB").build()));
    c.add(new Case("availability.autoscaling.fixed-size", "min_size = max_size = 1",
        () -> new Models().tf("aws_autoscaling_group.app", APPLICATION, "min_size", "1", "max_size", "1").build(), "min_size = 1 and max_size = 1",
        "max_size 4", () -> new Models().tf("aws_autoscaling_group.app", APPLICATION, "min_size", "1", "max_size", "4").build()));
    c.add(new Case("availability.lb.single-target", "a target group has one attachment",
        () -> singleTarget(1), "The only target registered",
        "it has two attachments", () -> singleTarget(2)));
    c.add(new Case("recovery.datastore.backups-off", "backup_retention_period = 0",
        () -> new Models().tf("aws_db_instance.main", DATABASE, "backup_retention_period", "0").build(), "no automated backups",
        "retention 7 days", () -> new Models().tf("aws_db_instance.main", DATABASE, "backup_retention_period", "7").build()));
    c.add(new Case("recovery.database.no-deletion-protection", "deletion_protection = false",
        () -> new Models().tf("aws_db_instance.main", DATABASE, "deletion_protection", "false").build(), "deletion_protection = false",
        "deletion_protection = true", () -> new Models().tf("aws_db_instance.main", DATABASE, "deletion_protection", "true").build()));
    c.add(new Case("recovery.database.final-snapshot-skipped", "skip_final_snapshot = true",
        () -> new Models().tf("aws_db_instance.main", DATABASE, "skip_final_snapshot", "true").build(), "no snapshot is taken",
        "skip_final_snapshot = false", () -> new Models().tf("aws_db_instance.main", DATABASE, "skip_final_snapshot", "false").build()));
    c.add(new Case("recovery.database.no-backup-observed", "no job mentions a backup tool",
        () -> new Models().host("db01", OS.name(), "2").run("db01", "postgres", DATABASE, "PostgreSQL", "", "postgres", List.of()).build(), "mentions a backup tool",
        "a cron job runs pg_dump", () -> new Models().host("db01", OS.name(), "2").run("db01", "postgres", DATABASE, "PostgreSQL", "", "postgres", List.of())
            .run("db01", "cron-1", SCHEDULER, "cron", "", "postgres", List.of(), "schedule", "0 3 * * *", "schedule.command", "pg_dump shop > /backup/shop.sql").build()));
    c.add(new Case("recovery.rpo.implied", "a daily pg_dump cron job",
        () -> new Models().host("db01", OS.name(), "2").run("db01", "postgres", DATABASE, "PostgreSQL", "", "postgres", List.of())
            .run("db01", "cron-1", SCHEDULER, "cron", "", "postgres", List.of(), "schedule", "0 3 * * *", "schedule.command", "pg_dump shop > /backup/shop.sql").build(), "every 24 hours",
        "the job runs at irregular times", () -> new Models().host("db01", OS.name(), "2").run("db01", "postgres", DATABASE, "PostgreSQL", "", "postgres", List.of())
            .run("db01", "cron-1", SCHEDULER, "cron", "", "postgres", List.of(), "schedule", "0 3,15 1-10 * *", "schedule.command", "pg_dump shop").build()));
    c.add(new Case("scale.workers.against-cores", "12 workers on 2 cores",
        () -> new Models().host("web01", OS.name(), "2 × AMD EPYC").run("web01", "shop", APPLICATION, "Gunicorn", "", "app", List.of(), "workers", "12").build(), "more than 2 x 2 + 1 = 5",
        "4 workers on 2 cores", () -> new Models().host("web01", OS.name(), "2 × AMD EPYC").run("web01", "shop", APPLICATION, "Gunicorn", "", "app", List.of(), "workers", "4").build()));
    c.add(new Case("scale.stateful.local-only-datastore", "the app's Redis listens on loopback only",
        () -> new Models().host("web01", OS.name(), "2").run("web01", "app", APPLICATION, "Python", "", "app", List.of())
            .run("web01", "redis", CACHE, "Redis", "", "redis", List.of("127.0.0.1:6379"))
            .edge("host:web01/app", "host:web01/redis", 6379, Dependency.OBSERVED).build(), "listens only on 127.0.0.1:6379",
        "Redis listens on the private address", () -> new Models().host("web01", OS.name(), "2").run("web01", "app", APPLICATION, "Python", "", "app", List.of())
            .run("web01", "redis", CACHE, "Redis", "", "redis", List.of("10.0.0.5:6379"))
            .edge("host:web01/app", "host:web01/redis", 6379, Dependency.OBSERVED).build()));
    c.add(new Case("drift.port-allowed-nothing-listens", "the group of web01's instance allows 8080 and nothing listens there",
        () -> drift("10.0.0.5:8000", "private_ip", "10.0.0.5"), "no process on web01 listens on port 8080",
        "the app listens on 8080", () -> drift("10.0.0.5:8080", "private_ip", "10.0.0.5")));
    c.add(new Case("drift.port-allowed-nothing-listens", "the instance is linked by its Name tag",
        () -> drift("10.0.0.5:8000", "tags.Name", "web01"), "tags.Name web01 = hostname web01",
        "no declared instance is web01", () -> drift("10.0.0.5:8000", "private_ip", "10.0.0.99")));
    c.add(new Case("drift.listener-not-allowed", "the app listens on 8000 and only 8080 is allowed",
        () -> drift("10.0.0.5:8000", "private_ip", "10.0.0.5"), "none allowing port 8000",
        "the app listens on 8080", () -> drift("10.0.0.5:8080", "private_ip", "10.0.0.5")));
    c.add(new Case("drift.listener-not-allowed", "web01 is the instance",
        () -> drift("10.0.0.5:8000", "private_ip", "10.0.0.5"), "(private_ip 10.0.0.5)",
        "web01 is not the instance (another address)", () -> drift("10.0.0.5:8000", "private_ip", "10.0.0.6")));
    c.add(new Case("drift.declared-not-running", "one of two instances matches web01",
        () -> new Models().host("web01", OS.name(), "2").tf("aws_instance.web", APPLICATION, "private_ip", "10.0.0.5")
            .tf("aws_instance.batch", APPLICATION, "private_ip", "10.0.0.9").build(), "tf:aws_instance.batch (private_ip 10.0.0.9)",
        "no instance matches a scanned host (the scan is of other machines)", () -> new Models().host("web01", OS.name(), "2")
            .tf("aws_instance.batch", APPLICATION, "private_ip", "10.0.0.9").build()));
    c.add(new Case("drift.running-not-declared", "web01 matches no declared instance",
        () -> new Models().host("web01", OS.name(), "2").tf("aws_instance.batch", APPLICATION, "private_ip", "10.0.0.9").build(),
        "matches none of the 1 declared instance(s)",
        "web01 is the instance named web01", () -> new Models().host("web01", OS.name(), "2")
            .tf("aws_instance.batch", APPLICATION, "tags.Name", "web01").build()));
    return c;
  }

  private static Model chain(boolean bypass) {
    Models m = new Models().host("web01", "Debian GNU/Linux 12 (bookworm)", "2")
        .run("web01", "nginx", WEB_SERVER, "nginx", "", "www-data", List.of("0.0.0.0:80"))
        .run("web01", "app", APPLICATION, "Gunicorn", "", "app", List.of("127.0.0.1:8000"))
        .run("web01", "postgres", DATABASE, "PostgreSQL", "", "postgres", List.of("127.0.0.1:5432"))
        .edge("host:web01/nginx", "host:web01/app", 8000, Dependency.CONFIGURED)
        .edge("host:web01/app", "host:web01/postgres", 5432, Dependency.OBSERVED);
    if (bypass) m.run("web01", "worker", WORKER, "Python", "", "app", List.of())
        .edge("host:web01/nginx", "host:web01/worker", 9000, Dependency.CONFIGURED)
        .edge("host:web01/worker", "host:web01/postgres", 5432, Dependency.OBSERVED);
    return m.build();
  }

  private static Model nat(String secondZone) {
    String basis = "route table module.vpc.aws_route_table.private routes to module.vpc.aws_nat_gateway.main";
    return new Models().tf("module.vpc.aws_nat_gateway.main", NETWORK, "subnet_id", "aws_subnet.public[0].id")
        .zone("tf:module.vpc.aws_subnet.private[0]", "subnet", Map.of("tier", "private", "tier.basis", basis, "availability_zone", "eu-west-1a"))
        .zone("tf:module.vpc.aws_subnet.private[1]", "subnet", Map.of("tier", "private", "tier.basis", basis, "availability_zone", secondZone))
        .build();
  }

  private static Model singleTarget(int n) {
    Models m = new Models().tf("aws_lb_target_group.app", LOAD_BALANCER, "port", "8080");
    for (int i = 0; i < n; i++) {
      m.tf("aws_lb_target_group_attachment.a" + i, LOAD_BALANCER, "target_id", "aws_instance.web" + i + ".id")
          .edge("tf:aws_lb_target_group_attachment.a" + i, "tf:aws_lb_target_group.app", 0, Dependency.DECLARED);
    }
    return m.build();
  }

  private static Model k8sService(String type, String exposure, List<String> listens) {
    return new Models().k8s("shop/service/postgres", type.equals("LoadBalancer") ? LOAD_BALANCER : NETWORK, listens,
            "type", type, "exposure", exposure, "ports", "postgres 5432->5432/TCP", "selects", "k8s:shop/statefulset/postgres")
        .k8s("shop/statefulset/postgres", DATABASE, List.of(), "workload", "StatefulSet", "replicas", "1")
        .edge("k8s:shop/service/postgres", "k8s:shop/statefulset/postgres", 5432, Dependency.DECLARED).build();
  }

  /** web01 (10.0.0.5) runs the app; aws_instance.web in group app (8080 from the ALB) is linked to it by {@code link}. */
  private static Model drift(String appListens, String linkAttribute, String linkValue) {
    return new Models().host("web01", "Debian GNU/Linux 12 (bookworm)", "2")
        .run("web01", "app", APPLICATION, "Gunicorn", "", "app", List.of(appListens))
        .tf("aws_security_group.app", NETWORK, "rule[0]", "ingress: tcp 8080 from aws_security_group.alb")
        .tf("aws_instance.web", APPLICATION, "instance_type", "t3.small", linkAttribute, linkValue)
        .edge("tf:aws_instance.web", "tf:aws_security_group.app", 0, Dependency.DECLARED).build();
  }

  private static List<Finding> run(String ruleId, Model model) {
    Rule rule = Analyzer.RULES.stream().filter(r -> r.id().equals(ruleId)).findFirst().orElseThrow();
    return rule.check(new ModelIndex(model));
  }

  @TestFactory
  Stream<DynamicTest> rule_fires_whenItsFactIsInTheModel() {
    return cases().stream().map(c -> DynamicTest.dynamicTest(c.rule() + " fires when " + c.when(), () -> {
      List<Finding> found = run(c.rule(), c.positive().get());
      assertThat(found).as(c.rule()).isNotEmpty();
      assertThat(found).anySatisfy(f -> assertThat(f.detail()).contains(c.detailHas()));
      for (Finding f : found) {
        assertThat(f.rule()).isEqualTo(c.rule());
        assertThat(f.id()).startsWith(c.rule() + ":");
        assertThat(f.evidence()).as("evidence of " + f.id()).isNotEmpty();
        assertThat(f.recommendation()).isNotBlank();
      }
    }));
  }

  @TestFactory
  Stream<DynamicTest> rule_staysSilent_whenTheFactDiffers() {
    return cases().stream().map(c -> DynamicTest.dynamicTest(c.rule() + " is silent when " + c.unless(), () ->
        assertThat(run(c.rule(), c.negative().get())).as(c.rule()).isEmpty()));
  }

  @Test
  void everyRule_hasAPositiveAndANegativeCase() {
    Set<String> covered = new TreeSet<>();
    cases().forEach(c -> covered.add(c.rule()));
    assertThat(covered).containsExactlyInAnyOrderElementsOf(Analyzer.ruleIds());
  }

  @Test
  void ruleIds_areStableDottedAndUnique() {
    List<String> ids = Analyzer.RULES.stream().map(Rule::id).toList();
    assertThat(ids).doesNotHaveDuplicates();
    assertThat(ids).allMatch(id -> id.matches("[a-z]+(\\.[a-z0-9-]+)+"));
  }
}
