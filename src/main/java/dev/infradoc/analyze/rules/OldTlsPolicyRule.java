package dev.infradoc.analyze.rules;

import dev.infradoc.analyze.BaseRule;
import dev.infradoc.analyze.ModelIndex;
import dev.infradoc.analyze.RuleData;
import dev.infradoc.model.Component;
import dev.infradoc.model.Finding;
import dev.infradoc.model.Severity;
import java.util.ArrayList;
import java.util.List;

/** An HTTPS/TLS listener or CDN whose TLS policy still accepts TLS 1.0 or 1.1, stated or by default. */
public final class OldTlsPolicyRule extends BaseRule {
  public OldTlsPolicyRule() {
    super("security.tls.policy-below-1-2", Severity.MEDIUM, "A TLS policy accepts TLS versions older than 1.2");
  }

  @Override
  public List<Finding> check(ModelIndex index) {
    RuleData data = RuleData.get();
    List<Finding> out = new ArrayList<>();
    for (Component l : index.ofType("aws_lb_listener", "aws_alb_listener")) {
      String protocol = value(l, "protocol");
      if (!protocol.equals("https") && !protocol.equals("tls")) continue;
      String policy = l.attribute("ssl_policy");
      if (policy.isEmpty()) {
        out.add(finding(l.id(), l.name() + " has no TLS policy stated",
            l.name() + " (" + protocol.toUpperCase() + " on port " + l.attribute("port") + ") does not set ssl_policy; the AWS API then applies "
                + data.defaultLbTlsPolicy() + ", which accepts TLS 1.0 and 1.1.",
            List.of(l.id()), evidenceFor(l, "protocol"),
            "Set ssl_policy = \"ELBSecurityPolicy-TLS13-1-2-2021-06\" on " + l.name() + "."));
      } else if (data.oldTlsPolicies().contains(policy)) {
        out.add(finding(l.id(), l.name() + " accepts TLS older than 1.2",
            l.name() + " uses ssl_policy " + policy + ", which accepts TLS 1.0 or 1.1.",
            List.of(l.id()), evidenceFor(l, "ssl_policy"),
            "Set ssl_policy = \"ELBSecurityPolicy-TLS13-1-2-2021-06\" on " + l.name() + " after checking no client needs TLS 1.0/1.1."));
      }
    }
    for (Component c : index.ofType("aws_cloudfront_distribution")) {
      String v = c.attribute("viewer_certificate.minimum_protocol_version");
      if (!data.oldTlsPolicies().contains(v)) continue;
      out.add(finding(c.id(), c.name() + " accepts TLS older than 1.2",
          c.name() + " sets viewer_certificate.minimum_protocol_version = " + v + ".",
          List.of(c.id()), evidenceFor(c, "minimum_protocol_version"),
          "Set minimum_protocol_version = \"TLSv1.2_2021\" on " + c.name() + "."));
    }
    return out;
  }
}
