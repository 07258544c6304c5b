package dev.infradoc.analyze.rules;

import dev.infradoc.analyze.BaseRule;
import dev.infradoc.analyze.ModelIndex;
import dev.infradoc.model.Component;
import dev.infradoc.model.Finding;
import dev.infradoc.model.Severity;
import java.util.ArrayList;
import java.util.List;

/** A managed data store whose automated backups or point-in-time recovery are off, or not stated. */
public final class BackupRetentionRule extends BaseRule {
  public BackupRetentionRule() {
    super("recovery.datastore.backups-off", Severity.HIGH, "A managed data store has automated backups or point-in-time recovery off or unstated");
  }

  @Override
  public List<Finding> check(ModelIndex index) {
    List<Finding> out = new ArrayList<>();
    for (Component c : index.ofType("aws_db_instance", "aws_rds_cluster")) {
      if (!c.attribute("replicate_source_db").isEmpty()) continue;
      int days = integer(c, "backup_retention_period", -1);
      if (days > 0 || days == -1 && !c.attribute("backup_retention_period").isEmpty()) continue;
      boolean unstated = days == -1;
      out.add(finding(c.id(), unstated ? Severity.LOW : severity(),
          unstated ? "Backup retention of " + c.name() + " is not stated" : c.name() + " has automated backups turned off",
          unstated ? c.name() + " does not set backup_retention_period: the retention is whatever AWS applies at creation (1 day through the API), "
              + "which nobody chose and the code does not show."
              : c.name() + " sets backup_retention_period = 0: no automated backups and no point-in-time recovery; a deleted table or a bad migration cannot be undone.",
          List.of(c.id()), evidenceFor(c, "backup_retention_period"),
          "Set backup_retention_period on " + c.name() + " to the days you need to recover from (7-35) and test a point-in-time restore."));
    }
    for (Component c : index.ofType("aws_elasticache_replication_group", "aws_elasticache_cluster")) {
      if (!value(c, "engine").equals("redis") && !c.attribute("terraform.type").equals("aws_elasticache_replication_group")) continue;
      if (integer(c, "snapshot_retention_limit", 0) > 0) continue;
      out.add(finding(c.id(), Severity.LOW, c.name() + " keeps no snapshots",
          c.name() + " " + stated(c, "snapshot_retention_limit", "default 0") + ": no daily snapshot is kept, so its data cannot be restored after a failure or a bad write.",
          List.of(c.id()), evidenceFor(c, "snapshot_retention_limit"),
          "Set snapshot_retention_limit on " + c.name() + " if its data is not fully rebuildable from the database."));
    }
    for (Component c : index.ofType("aws_dynamodb_table")) {
      if (isTrue(c, "point_in_time_recovery.enabled")) continue;
      out.add(finding(c.id(), c.name() + " has no point-in-time recovery",
          c.name() + " " + stated(c, "point_in_time_recovery.enabled", "default false") + ": an overwritten or deleted item cannot be recovered.",
          List.of(c.id()), evidenceFor(c, "point_in_time_recovery", "enabled"),
          "Add point_in_time_recovery { enabled = true } to " + c.name() + "."));
    }
    return out;
  }
}
