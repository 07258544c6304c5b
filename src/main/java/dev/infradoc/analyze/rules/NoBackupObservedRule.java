package dev.infradoc.analyze.rules;

import dev.infradoc.analyze.Rule;
import dev.infradoc.model.Component;
import dev.infradoc.model.ComponentKind;
import dev.infradoc.model.Finding;
import dev.infradoc.model.Model;
import dev.infradoc.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** A database on a host with no scheduled job or process that looks like a backup of it. */
public final class NoBackupObservedRule implements Rule {
  private static final Pattern BACKUP = Pattern.compile(
      "pg_dump|pg_basebackup|pgbackrest|barman|wal-g|wal-e|mysqldump|mariadb-dump|xtrabackup|mariabackup|mongodump|"
          + "redis-cli.*(--rdb|bgsave)|restic|borg|duplicity|rsnapshot|backup", Pattern.CASE_INSENSITIVE);

  @Override
  public String id() {
    return "recovery.database.no-backup-observed";
  }

  @Override
  public List<Finding> check(Model model) {
    List<Finding> out = new ArrayList<>();
    for (Component db : model.components()) {
      if (db.kind() != ComponentKind.DATABASE || db.host().isEmpty()) continue;
      boolean backup = model.components().stream().anyMatch(c -> c.host().equals(db.host())
          && BACKUP.matcher(c.attribute("commandLine") + " " + c.attribute("schedule.command")).find());
      if (backup) continue;
      out.add(new Finding(Findings.id(id(), db), id(), Severity.MEDIUM,
          "No backup of " + db.name() + " on " + Findings.host(db) + " was observed",
          "No cron job or running process on " + Findings.host(db) + " mentions a backup tool (pg_dump, pg_basebackup, "
              + "pgBackRest, WAL-G, mysqldump, restic, borg...). Backups taken from another machine would not be visible to this scan.",
          List.of(db.id()), db.evidence().stream().limit(2).toList(),
          "Schedule backups of " + db.name() + " (for PostgreSQL: pgBackRest or WAL-G with point-in-time recovery), keep them off the host, and test a restore."));
    }
    return out;
  }
}
