package dev.infradoc.analyze.rules;

import dev.infradoc.analyze.BaseRule;
import dev.infradoc.analyze.ModelIndex;
import dev.infradoc.model.Component;
import dev.infradoc.model.Finding;
import dev.infradoc.model.Severity;
import java.util.ArrayList;
import java.util.List;

/** An RDS instance without Multi-AZ (multi_az false or not set: the default is a single zone). */
public final class SingleAzDatabaseRule extends BaseRule {
  public SingleAzDatabaseRule() {
    super("availability.database.single-az", Severity.MEDIUM, "A managed database runs in one availability zone");
  }

  @Override
  public List<Finding> check(ModelIndex index) {
    List<Finding> out = new ArrayList<>();
    for (Component c : index.ofType("aws_db_instance")) {
      if (isTrue(c, "multi_az") || !c.attribute("replicate_source_db").isEmpty()) continue;
      out.add(finding(c.id(), c.name() + " runs in a single availability zone",
          c.name() + " " + stated(c, "multi_az", "default false") + ": there is no standby, so a zone outage or an instance failure "
              + "stops the database until AWS replaces it or it is restored from backup.",
          List.of(c.id()), evidenceFor(c, "multi_az"),
          "Set multi_az = true on " + c.name() + " (a synchronous standby in another zone with automatic failover)."));
    }
    return out;
  }
}
