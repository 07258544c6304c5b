package dev.infradoc.analyze.rules;

import dev.infradoc.analyze.BaseRule;
import dev.infradoc.analyze.ModelIndex;
import dev.infradoc.analyze.RuleData;
import dev.infradoc.model.Component;
import dev.infradoc.model.ComponentKind;
import dev.infradoc.model.Finding;
import dev.infradoc.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The recovery point a configuration implies, stated only when something in it bounds the data loss:
 * RDS automated backups (point-in-time recovery from transaction logs shipped every 5 minutes),
 * ElastiCache daily snapshots, or a backup cron job on a database host (its schedule's interval).
 */
public final class RpoBoundRule extends BaseRule {
  public RpoBoundRule() {
    super("recovery.rpo.implied", Severity.INFO, "The recovery point objective a configuration implies");
  }

  @Override
  public List<Finding> check(ModelIndex index) {
    List<Finding> out = new ArrayList<>();
    for (Component c : index.ofType("aws_db_instance", "aws_rds_cluster")) {
      int days = integer(c, "backup_retention_period", 0);
      if (days <= 0) continue;
      out.add(finding(c.id(), c.name() + ": data loss bounded by about 5 minutes",
          c.name() + " keeps automated backups for " + days + " days (backup_retention_period = " + days + "). RDS then uploads transaction logs "
              + "every 5 minutes, so a point-in-time restore can lose up to about the last 5 minutes of writes (RPO about 5 minutes), back to "
              + days + " days ago. A recovery time is not implied by the configuration and is not stated.",
          List.of(c.id()), evidenceFor(c, "backup_retention_period"),
          "Write the recovery point objective (about 5 minutes, " + days + " days back) into the runbook for " + c.name() + " and rehearse a point-in-time restore."));
    }
    for (Component c : index.ofType("aws_elasticache_replication_group", "aws_elasticache_cluster")) {
      int days = integer(c, "snapshot_retention_limit", 0);
      if (days <= 0) continue;
      out.add(finding(c.id(), c.name() + ": data loss bounded by 24 hours",
          c.name() + " keeps daily snapshots for " + days + " days (snapshot_retention_limit = " + days + "): restoring one loses up to a day of writes.",
          List.of(c.id()), evidenceFor(c, "snapshot_retention_limit"),
          "State in the runbook that " + c.name() + " can lose up to 24 hours of data, or keep nothing there that cannot be rebuilt."));
    }
    Pattern backup = RuleData.get().backupPattern();
    for (Component db : index.model().components()) {
      if (db.kind() != ComponentKind.DATABASE || db.host().isEmpty()) continue;
      for (Component job : index.onHost(db.host())) {
        String every = CronInterval.of(job.attribute("schedule"));
        if (every.isEmpty() || !backup.matcher(job.attribute("schedule.command")).find()) continue;
        out.add(finding(db.id(), db.name() + " on " + hostName(db) + ": data loss bounded by " + every,
            "The cron job " + job.name() + " (" + job.attribute("schedule") + ") runs a backup every " + every + ", so restoring the last "
                + "backup of " + db.name() + " can lose up to " + every + " of writes, if the job succeeds and its output leaves the host.",
            List.of(db.id(), job.id()), job.evidence(),
            "Check that the backup of " + db.name() + " by " + job.name() + " succeeds and is copied off the host; for a shorter bound use continuous WAL archiving."));
        break;
      }
    }
    return out;
  }
}
