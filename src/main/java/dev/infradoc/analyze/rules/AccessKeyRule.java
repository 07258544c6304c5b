package dev.infradoc.analyze.rules;

import dev.infradoc.analyze.BaseRule;
import dev.infradoc.analyze.ModelIndex;
import dev.infradoc.model.Component;
import dev.infradoc.model.Finding;
import dev.infradoc.model.Severity;
import java.util.ArrayList;
import java.util.List;

/** An IAM user access key created in code: a long-lived credential that also lands in the Terraform state. */
public final class AccessKeyRule extends BaseRule {
  public AccessKeyRule() {
    super("identity.iam.long-lived-access-key", Severity.MEDIUM, "A long-lived IAM access key is created");
  }

  @Override
  public List<Finding> check(ModelIndex index) {
    List<Finding> out = new ArrayList<>();
    for (Component c : index.ofType("aws_iam_access_key")) {
      out.add(finding(c.id(), c.name() + " creates a long-lived access key",
          c.name() + " creates an IAM user access key: it does not expire, and its secret is written to the Terraform state.",
          List.of(c.id()), declaration(c),
          "Use an IAM role (instance profile, IRSA, OIDC federation for CI) instead of " + c.name() + "; if a key is unavoidable, rotate it and keep the state encrypted."));
    }
    return out;
  }
}
