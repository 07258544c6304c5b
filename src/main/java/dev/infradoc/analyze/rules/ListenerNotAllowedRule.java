package dev.infradoc.analyze.rules;

import dev.infradoc.analyze.BaseRule;
import dev.infradoc.analyze.FirewallRule;
import dev.infradoc.analyze.HostLinks;
import dev.infradoc.analyze.ModelIndex;
import dev.infradoc.model.Component;
import dev.infradoc.model.Finding;
import dev.infradoc.model.Listen;
import dev.infradoc.model.Severity;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Declared versus running: on a scanned host linked to a declared instance, a process listens beyond
 * loopback on a port that no ingress rule of that instance's security groups allows.
 */
public final class ListenerNotAllowedRule extends BaseRule {
  public ListenerNotAllowedRule() {
    super("drift.listener-not-allowed", Severity.LOW,
        "A process on a scanned host listens on a port no security group of its declared instance allows");
  }

  @Override
  public List<Finding> check(ModelIndex index) {
    List<Finding> out = new ArrayList<>();
    for (HostLinks.Link link : index.hostLinks().links()) {
      Set<String> groups = new HashSet<>(HostLinks.groupsOf(index, link.declared()));
      // An instance with no group in the code gets a default group InfraDoc cannot see: nothing to compare.
      if (groups.isEmpty()) continue;
      List<FirewallRule> ingress = FirewallRule.all(index).stream().filter(r -> r.ingress() && groups.contains(r.groupId())).toList();
      BitSet allowed = new BitSet(65536);
      for (FirewallRule r : ingress) if (r.fromPort() >= 0) allowed.set(r.fromPort(), Math.min(r.toPort(), 65535) + 1);
      for (Component c : index.onHost(link.host().id())) {
        for (Listen l : c.listens()) {
          if (!l.isPublic() || l.port() < 0 || l.port() > 65535 || allowed.get(l.port())) continue;
          out.add(finding(c.id() + ":" + l.port(), c.name() + " on " + hostName(c) + " listens on port " + l.port() + ", which no rule allows",
              c.name() + " accepts connections on " + l.address() + ":" + l.port() + "; " + hostName(c) + " is " + link.declared().id()
                  + " (" + link.basis() + "), whose security groups " + String.join(", ", groups) + " have " + ingress.size()
                  + " ingress rule(s), none allowing port " + l.port()
                  + ": either it is unreachable (dead weight) or something outside the code opens it.",
              List.of(c.id(), link.declared().id()),
              c.evidence().stream().filter(e -> e.excerpt().contains(":" + l.port())).findFirst().map(List::of).orElse(declaration(c)),
              "Bind " + c.name() + " to loopback or stop it if nothing needs it; if clients do need port " + l.port()
                  + ", declare the rule in " + String.join(", ", groups) + "."));
        }
      }
    }
    return out;
  }
}
