package dev.infradoc.analyze.rules;

import dev.infradoc.analyze.BaseRule;
import dev.infradoc.analyze.ModelIndex;
import dev.infradoc.analyze.RuleData;
import dev.infradoc.model.Component;
import dev.infradoc.model.Finding;
import dev.infradoc.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** An IAM policy allowing every action on every resource, inline or as the AdministratorAccess managed policy. */
public final class IamWildcardRule extends BaseRule {
  private static final Pattern ACTION = Pattern.compile("\"?Action\"?\\s*[=:]\\s*(\"\\*\"|\\[\\s*\"\\*\"\\s*])");
  private static final Pattern RESOURCE = Pattern.compile("\"?Resource\"?\\s*[=:]\\s*(\"\\*\"|\\[\\s*\"\\*\"\\s*])");
  private static final Pattern DENY = Pattern.compile("\"?Effect\"?\\s*[=:]\\s*\"Deny\"");

  public IamWildcardRule() {
    super("identity.iam.wildcard-policy", Severity.CRITICAL, "An IAM policy allows every action (*) on every resource (*)");
  }

  @Override
  public List<Finding> check(ModelIndex index) {
    List<Finding> out = new ArrayList<>();
    for (Component c : index.ofType("aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy")) {
      if (!allowsAll(c.attribute("policy"))) continue;
      out.add(finding(c.id(), c.name() + " allows every action on every resource",
          c.name() + " has a statement with Action \"*\" and Resource \"*\": whoever holds it is an administrator of the account.",
          List.of(c.id()), evidenceFor(c, "Action", "Resource", "policy"),
          "Replace the statement in " + c.name() + " with the actions and resource ARNs the role needs (IAM Access Analyzer can generate them from CloudTrail)."));
    }
    for (Component c : index.ofType("aws_iam_role_policy_attachment", "aws_iam_user_policy_attachment", "aws_iam_group_policy_attachment", "aws_iam_policy_attachment")) {
      String arn = c.attribute("policy_arn");
      if (!RuleData.get().adminPolicyArns().contains(arn.replace("\"", ""))) continue;
      out.add(finding(c.id(), c.name() + " grants AdministratorAccess",
          c.name() + " attaches " + arn + ": every action on every resource.",
          List.of(c.id()), evidenceFor(c, "policy_arn"),
          "Attach a policy scoped to what " + c.name() + "'s principal does instead of AdministratorAccess."));
    }
    return out;
  }

  /** True when one statement block (braces, nested blocks removed) has Action * and Resource * and is not a Deny. */
  static boolean allowsAll(String policy) {
    for (int open = policy.indexOf('{'); open >= 0; open = policy.indexOf('{', open + 1)) {
      StringBuilder flat = new StringBuilder();
      int depth = 0;
      for (int i = open; i < policy.length(); i++) {
        char ch = policy.charAt(i);
        if (ch == '{') depth++;
        if (depth == 1 && ch != '{') flat.append(ch);
        if (ch == '}' && --depth == 0) break;
      }
      String s = flat.toString();
      if (ACTION.matcher(s).find() && RESOURCE.matcher(s).find() && !DENY.matcher(s).find()) return true;
    }
    return false;
  }
}
