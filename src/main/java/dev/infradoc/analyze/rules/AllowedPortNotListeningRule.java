package dev.infradoc.analyze.rules;

import dev.infradoc.analyze.BaseRule;
import dev.infradoc.analyze.FirewallRule;
import dev.infradoc.analyze.ModelIndex;
import dev.infradoc.model.Component;
import dev.infradoc.model.Finding;
import dev.infradoc.model.Listen;
import dev.infradoc.model.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Declared versus running: a security group allows a single port to the group's instances, yet no
 * process on any scanned host listens on that port beyond loopback. Needs both code and hosts in one scan.
 */
public final class AllowedPortNotListeningRule extends BaseRule {
  public AllowedPortNotListeningRule() {
    super("drift.port-allowed-nothing-listens", Severity.LOW, "A firewall rule allows a port that nothing on the scanned hosts listens on");
  }

  @Override
  public List<Finding> check(ModelIndex index) {
    if (!index.hasHosts() || !index.hasDeclared()) return List.of();
    Set<Integer> listening = new HashSet<>();
    for (Component c : index.model().components()) for (Listen l : c.listens()) if (l.isPublic()) listening.add(l.port());
    List<Finding> out = new ArrayList<>();
    for (FirewallRule r : FirewallRule.all(index)) {
      if (!r.ingress() || r.fromPort() < 0 || r.fromPort() != r.toPort() || listening.contains(r.fromPort())) continue;
      // Rules that protect managed services (RDS, ElastiCache, load balancers) are not about the scanned hosts.
      boolean hostsBehind = r.protectedComponents(index).stream().anyMatch(c -> c.attribute("terraform.type").matches(
          "aws_instance|aws_launch_template|aws_launch_configuration|aws_autoscaling_group"));
      if (!hostsBehind) continue;
      out.add(finding(r.holder().id() + "/" + r.key(), r.holder().name() + " allows port " + r.fromPort() + " but nothing listens on it",
          r.holder().name() + " has \"" + r.text() + "\" for instances, but no process on the " + index.model().hosts().size()
              + " scanned host(s) listens on port " + r.fromPort() + " beyond loopback: either the rule is stale or the service is not running "
              + "(or it runs on an instance that was not scanned).",
          List.of(r.holder().id()), evidenceFor(r.holder(), "from_port", "ingress"),
          "Remove the rule for port " + r.fromPort() + " from " + r.holder().name() + " if no service needs it, or find out why it is not running."));
    }
    return out;
  }
}
