package dev.infradoc.analyze.rules;

import dev.infradoc.analyze.BaseRule;
import dev.infradoc.analyze.ModelIndex;
import dev.infradoc.model.Component;
import dev.infradoc.model.Finding;
import dev.infradoc.model.Severity;
import java.util.ArrayList;
import java.util.List;

/** A managed database that skips its final snapshot: deleting it deletes its data with no copy. */
public final class FinalSnapshotRule extends BaseRule {
  public FinalSnapshotRule() {
    super("recovery.database.final-snapshot-skipped", Severity.MEDIUM, "A managed database is deleted without a final snapshot");
  }

  @Override
  public List<Finding> check(ModelIndex index) {
    List<Finding> out = new ArrayList<>();
    for (Component c : index.ofType("aws_db_instance", "aws_rds_cluster")) {
      if (!isTrue(c, "skip_final_snapshot")) continue;
      out.add(finding(c.id(), c.name() + " skips its final snapshot",
          c.name() + " sets skip_final_snapshot = true: when it is destroyed (by mistake or by a replacement), no snapshot is taken"
              + " and automated backups are deleted with it.",
          List.of(c.id()), evidenceFor(c, "skip_final_snapshot"),
          "Set skip_final_snapshot = false and a final_snapshot_identifier on " + c.name() + "."));
    }
    return out;
  }
}
