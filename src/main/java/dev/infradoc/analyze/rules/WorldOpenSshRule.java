package dev.infradoc.analyze.rules;

import dev.infradoc.analyze.BaseRule;
import dev.infradoc.analyze.FirewallRule;
import dev.infradoc.analyze.ModelIndex;
import dev.infradoc.analyze.RuleData;
import dev.infradoc.model.Finding;
import dev.infradoc.model.Severity;
import java.util.ArrayList;
import java.util.List;

/** A security group lets anyone on the internet reach SSH (port 22). */
public final class WorldOpenSshRule extends BaseRule {
  public WorldOpenSshRule() {
    super("security.network.ssh-open-to-world", Severity.HIGH, "A firewall rule allows 0.0.0.0/0 or ::/0 to port 22 (SSH)");
  }

  @Override
  public List<Finding> check(ModelIndex index) {
    List<Finding> out = new ArrayList<>();
    for (FirewallRule r : FirewallRule.all(index)) {
      if (!r.ingress() || !r.fromAnywhere(RuleData.get().worldCidrs()) || !r.covers(22)) continue;
      out.add(finding(r.holder().id() + "/" + r.key(), r.holder().name() + " opens SSH to the internet",
          r.holder().name() + " has the rule \"" + r.text() + "\": port 22 is reachable from any address, so sshd is exposed to "
              + "password guessing and to any pre-authentication flaw.",
          List.of(r.holder().id()), evidenceFor(r.holder(), "cidr_blocks", "cidr_ipv4", "from_port"),
          "Allow port 22 only from a bastion or VPN CIDR in " + r.holder().name() + ", or drop it and use AWS Systems Manager Session Manager."));
    }
    return out;
  }
}
