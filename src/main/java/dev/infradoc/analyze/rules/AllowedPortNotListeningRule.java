package dev.infradoc.analyze.rules;

import dev.infradoc.analyze.BaseRule;
import dev.infradoc.analyze.FirewallRule;
import dev.infradoc.analyze.HostLinks;
import dev.infradoc.analyze.ModelIndex;
import dev.infradoc.model.Component;
import dev.infradoc.model.Evidence;
import dev.infradoc.model.Finding;
import dev.infradoc.model.Listen;
import dev.infradoc.model.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Declared versus running: a security group of a declared instance allows a single port, yet on the
 * scanned host that instance is (linked by address or Name tag) nothing listens on it beyond loopback.
 */
public final class AllowedPortNotListeningRule extends BaseRule {
  public AllowedPortNotListeningRule() {
    super("drift.port-allowed-nothing-listens", Severity.LOW,
        "A security group allows a port to a declared instance, but nothing listens on it on the scanned host linked to that instance");
  }

  @Override
  public List<Finding> check(ModelIndex index) {
    List<Finding> out = new ArrayList<>();
    for (HostLinks.Link link : index.hostLinks().links()) {
      Set<Integer> listening = new HashSet<>();
      for (Component c : index.onHost(link.host().id())) for (Listen l : c.listens()) if (l.isPublic()) listening.add(l.port());
      Set<String> groups = new HashSet<>(HostLinks.groupsOf(index, link.declared()));
      for (FirewallRule r : FirewallRule.all(index)) {
        if (!groups.contains(r.groupId()) || !r.ingress() || r.fromPort() < 0 || r.fromPort() != r.toPort()
            || listening.contains(r.fromPort())) continue;
        String host = link.host().hostname();
        List<Evidence> evidence = new ArrayList<>(evidenceFor(r.holder(), "from_port", "ingress"));
        evidence.addAll(link.host().evidence().stream().limit(1).toList());
        out.add(finding(link.host().id() + "/" + r.holder().id() + "/" + r.key(),
            r.holder().name() + " allows port " + r.fromPort() + " to " + host + " but nothing listens on it",
            r.holder().name() + " has \"" + r.text() + "\" and is attached to " + link.declared().id() + ", which is the scanned host "
                + host + " (" + link.basis() + "); no process on " + host + " listens on port " + r.fromPort()
                + " beyond loopback: either the rule is stale or the service is not running.",
            List.of(r.holder().id(), link.declared().id()), evidence,
            "Remove the rule for port " + r.fromPort() + " from " + r.holder().name() + " if no service on " + host
                + " needs it, or find out why the service is not running."));
      }
    }
    return out;
  }
}
