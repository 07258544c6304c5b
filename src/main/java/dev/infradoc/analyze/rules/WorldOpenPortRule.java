package dev.infradoc.analyze.rules;

import dev.infradoc.analyze.BaseRule;
import dev.infradoc.analyze.FirewallRule;
import dev.infradoc.analyze.ModelIndex;
import dev.infradoc.analyze.RuleData;
import dev.infradoc.model.Component;
import dev.infradoc.model.Finding;
import dev.infradoc.model.Severity;
import java.util.ArrayList;
import java.util.List;

/** A security group lets anyone on the internet reach a data store, admin or metrics port. */
public final class WorldOpenPortRule extends BaseRule {
  public WorldOpenPortRule() {
    super("security.network.sensitive-port-open-to-world", Severity.CRITICAL,
        "A firewall rule allows 0.0.0.0/0 or ::/0 to a database, cache, queue, admin or metrics port");
  }

  @Override
  public List<Finding> check(ModelIndex index) {
    RuleData data = RuleData.get();
    List<Finding> out = new ArrayList<>();
    for (FirewallRule r : FirewallRule.all(index)) {
      if (!r.ingress() || !r.fromAnywhere(data.worldCidrs())) continue;
      List<String> hit = data.sensitivePorts().stream().filter(p -> r.covers(p.port()))
          .map(p -> p.port() + " (" + p.name() + ", " + p.role() + ")").toList();
      if (hit.isEmpty()) continue;
      List<String> comps = new ArrayList<>(List.of(r.holder().id()));
      List<String> behind = r.protectedComponents(index).stream().map(Component::id).toList();
      comps.addAll(behind);
      String shown = hit.size() > 4 ? String.join(", ", hit.subList(0, 4)) + " and " + (hit.size() - 4) + " more" : String.join(", ", hit);
      out.add(finding(r.holder().id() + "/" + r.key(),
          r.holder().name() + " opens port " + r.ports() + " to the internet",
          r.holder().name() + " has the rule \"" + r.text() + "\": anyone on the internet may connect to " + shown
              + (behind.isEmpty() ? "." : ". The group is used by " + String.join(", ", behind) + "."),
          comps, evidenceFor(r.holder(), "cidr_blocks", "cidr_ipv4", "ipv6_cidr_blocks", "from_port"),
          "Replace the 0.0.0.0/0 peer of " + r.holder().name() + " with the security group of the clients that need port "
              + r.ports() + ", or with the VPN/bastion CIDR for admin access."));
    }
    return out;
  }
}
