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

/** A database on a host with no scheduled job or process that looks like a backup of it. */
public final class NoBackupObservedRule extends BaseRule {
  public NoBackupObservedRule() {
    super("recovery.database.no-backup-observed", Severity.MEDIUM, "No backup job or process was observed for a database on a host");
  }

  @Override
  public List<Finding> check(ModelIndex index) {
    Pattern backup = RuleData.get().backupPattern();
    List<Finding> out = new ArrayList<>();
    for (Component db : index.model().components()) {
      if (db.kind() != ComponentKind.DATABASE || db.host().isEmpty()) continue;
      boolean found = index.onHost(db.host()).stream()
          .anyMatch(c -> backup.matcher(c.attribute("commandLine") + " " + c.attribute("schedule.command")).find());
      if (found) continue;
      out.add(finding(db.id(), "No backup of " + db.name() + " on " + hostName(db) + " was observed",
          "No cron job or running process on " + hostName(db) + " mentions a backup tool (pg_dump, pg_basebackup, "
              + "pgBackRest, WAL-G, mysqldump, restic, borg...). Backups taken from another machine would not be visible to this scan.",
          List.of(db.id()), db.evidence().stream().limit(2).toList(),
          "Schedule backups of " + db.name() + " (for PostgreSQL: pgBackRest or WAL-G with point-in-time recovery), keep them off the host, and test a restore."));
    }
    return out;
  }
}
