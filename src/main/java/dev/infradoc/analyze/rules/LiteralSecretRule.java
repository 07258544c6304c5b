package dev.infradoc.analyze.rules;

import dev.infradoc.analyze.BaseRule;
import dev.infradoc.analyze.ModelIndex;
import dev.infradoc.model.Component;
import dev.infradoc.model.Finding;
import dev.infradoc.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A secret written as a literal value in infrastructure code or state: the collector redacted the
 * attribute ("[redacted: ...]"), which it does only for literal values, not for references. Names only, never values.
 */
public final class LiteralSecretRule extends BaseRule {
  public LiteralSecretRule() {
    super("secrets.literal-in-code", Severity.HIGH, "A secret is written as a literal value in infrastructure code or state");
  }

  @Override
  public List<Finding> check(ModelIndex index) {
    List<Finding> out = new ArrayList<>();
    for (Component c : index.model().components()) {
      if (!c.host().isEmpty()) continue;
      List<String> names = c.attributes().entrySet().stream().filter(e -> e.getValue().startsWith("[redacted:"))
          .map(Map.Entry::getKey).toList();
      if (names.isEmpty()) continue;
      boolean state = c.evidence().stream().anyMatch(e -> e.locator().matches(".*\\.tfstate(\\.backup)?:\\d+"));
      out.add(finding(c.id(), "Secret " + String.join(", ", names) + " of " + c.name() + " is written in " + (state ? "the state file" : "the code"),
          c.name() + " holds " + String.join(", ", names) + " as a literal value" + (state ? " in a Terraform state file kept with the code" : "")
              + ": everyone with read access to the repository has it, and so does its history. The value is not shown here.",
          List.of(c.id()), evidenceFor(c, names.toArray(String[]::new)),
          state ? "Move the state to an encrypted remote backend with restricted access, remove the state file from the repository (and its history), and rotate " + String.join(", ", names) + "."
              : "Read " + String.join(", ", names) + " of " + c.name() + " from a secret store (AWS Secrets Manager, SSM Parameter Store, or manage_master_user_password for RDS), remove it from the code and its history, and rotate it."));
    }
    return out;
  }
}
