package dev.infradoc.analyze.rules;

import dev.infradoc.analyze.BaseRule;
import dev.infradoc.analyze.ModelIndex;
import dev.infradoc.model.Component;
import dev.infradoc.model.Finding;
import dev.infradoc.model.Severity;
import java.util.ArrayList;
import java.util.List;

/** A WAF web ACL is declared but nothing (an association or a CloudFront distribution) attaches it. */
public final class WafNotAttachedRule extends BaseRule {
  public WafNotAttachedRule() {
    super("security.waf.not-attached", Severity.MEDIUM, "A WAF web ACL is declared but attached to nothing");
  }

  @Override
  public List<Finding> check(ModelIndex index) {
    List<Finding> out = new ArrayList<>();
    for (Component acl : index.ofType("aws_wafv2_web_acl", "aws_waf_web_acl", "aws_wafregional_web_acl")) {
      boolean attached = !index.referrers(acl.id(), "aws_wafv2_web_acl_association", "aws_wafregional_web_acl_association",
          "aws_cloudfront_distribution").isEmpty();
      if (attached) continue;
      out.add(finding(acl.id(), acl.name() + " is not attached to anything",
          "No web ACL association or CloudFront distribution in the scanned code refers to " + acl.name()
              + ": its rules filter no traffic. (An association made outside this code would not be visible.)",
          List.of(acl.id()), declaration(acl),
          "Attach " + acl.name() + " with an aws_wafv2_web_acl_association to the load balancer (or web_acl_id on the distribution), or remove it."));
    }
    return out;
  }
}
