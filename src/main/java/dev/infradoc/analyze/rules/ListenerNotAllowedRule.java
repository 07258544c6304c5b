package dev.infradoc.analyze.rules;

import dev.infradoc.analyze.BaseRule;
import dev.infradoc.analyze.FirewallRule;
import dev.infradoc.analyze.ModelIndex;
import dev.infradoc.model.Component;
import dev.infradoc.model.Finding;
import dev.infradoc.model.Listen;
import dev.infradoc.model.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * Declared versus running: a process on a scanned host listens beyond loopback on a port that no
 * ingress rule in the scanned code allows. Needs both code and hosts in one scan.
 */
public final class ListenerNotAllowedRule extends BaseRule {
  public ListenerNotAllowedRule() {
    super("drift.listener-not-allowed", Severity.LOW, "A process listens on a port no firewall rule in the code allows");
  }

  @Override
  public List<Finding> check(ModelIndex index) {
    if (!index.hasHosts() || !index.hasDeclared()) return List.of();
    List<FirewallRule> ingress = FirewallRule.all(index).stream().filter(FirewallRule::ingress).toList();
    if (ingress.isEmpty()) return List.of();
    java.util.BitSet allowed = new java.util.BitSet(65536);
    for (FirewallRule r : ingress) if (r.fromPort() >= 0) allowed.set(r.fromPort(), Math.min(r.toPort(), 65535) + 1);
    List<Finding> out = new ArrayList<>();
    for (Component c : index.model().components()) {
      if (c.host().isEmpty()) continue;
      for (Listen l : c.listens()) {
        if (!l.isPublic() || l.port() < 0 || l.port() > 65535 || allowed.get(l.port())) continue;
        out.add(finding(c.id() + ":" + l.port(), c.name() + " on " + hostName(c) + " listens on port " + l.port() + ", which no rule allows",
            c.name() + " accepts connections on " + l.address() + ":" + l.port() + ", but none of the " + ingress.size()
                + " ingress rules in the scanned code allows port " + l.port() + ": either it is unreachable (dead weight) or something outside the code opens it.",
            List.of(c.id()), c.evidence().stream().filter(e -> e.excerpt().contains(":" + l.port())).findFirst().map(List::of).orElse(declaration(c)),
            "Bind " + c.name() + " to loopback or stop it if nothing needs it; if clients do need port " + l.port() + ", declare the rule in code."));
      }
    }
    return out;
  }
}
