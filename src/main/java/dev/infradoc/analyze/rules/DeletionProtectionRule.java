package dev.infradoc.analyze.rules;

import dev.infradoc.analyze.BaseRule;
import dev.infradoc.analyze.ModelIndex;
import dev.infradoc.model.Component;
import dev.infradoc.model.Finding;
import dev.infradoc.model.Severity;
import java.util.ArrayList;
import java.util.List;

/** A managed database without deletion protection (false or not stated: the default is off). */
public final class DeletionProtectionRule extends BaseRule {
  public DeletionProtectionRule() {
    super("recovery.database.no-deletion-protection", Severity.LOW, "A managed database can be deleted without first turning off protection");
  }

  @Override
  public List<Finding> check(ModelIndex index) {
    List<Finding> out = new ArrayList<>();
    for (Component c : index.ofType("aws_db_instance", "aws_rds_cluster")) {
      if (isTrue(c, "deletion_protection")) continue;
      out.add(finding(c.id(), c.name() + " has no deletion protection",
          c.name() + " " + stated(c, "deletion_protection", "default false") + ": a terraform destroy, a renamed resource or a console click deletes it at once.",
          List.of(c.id()), evidenceFor(c, "deletion_protection"),
          "Set deletion_protection = true on " + c.name() + "."));
    }
    return out;
  }
}
