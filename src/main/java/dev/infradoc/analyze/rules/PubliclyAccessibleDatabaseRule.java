package dev.infradoc.analyze.rules;

import dev.infradoc.analyze.BaseRule;
import dev.infradoc.analyze.ModelIndex;
import dev.infradoc.model.Component;
import dev.infradoc.model.Finding;
import dev.infradoc.model.Severity;
import java.util.ArrayList;
import java.util.List;

/** An RDS instance or Aurora instance declared with publicly_accessible = true. */
public final class PubliclyAccessibleDatabaseRule extends BaseRule {
  public PubliclyAccessibleDatabaseRule() {
    super("security.datastore.publicly-accessible", Severity.HIGH, "A managed database is declared publicly accessible");
  }

  @Override
  public List<Finding> check(ModelIndex index) {
    List<Finding> out = new ArrayList<>();
    for (Component c : index.ofType("aws_db_instance", "aws_rds_cluster_instance")) {
      if (!isTrue(c, "publicly_accessible")) continue;
      out.add(finding(c.id(), c.name() + " is publicly accessible",
          c.name() + " sets publicly_accessible = true: RDS gives it a public DNS name and address, so only its security "
              + "groups stand between the database and the internet.",
          List.of(c.id()), evidenceFor(c, "publicly_accessible"),
          "Set publicly_accessible = false on " + c.name() + " and reach it from inside the VPC (or through a bastion/VPN)."));
    }
    return out;
  }
}
