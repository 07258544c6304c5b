package dev.infradoc.analyze.rules;

import dev.infradoc.analyze.BaseRule;
import dev.infradoc.analyze.ModelIndex;
import dev.infradoc.analyze.RuleData;
import dev.infradoc.model.Component;
import dev.infradoc.model.Finding;
import dev.infradoc.model.Listen;
import dev.infradoc.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A process on a host serves an admin or metrics port (node_exporter, Docker API, kubelet...) on a non-loopback address. */
public final class AdminPortExposedRule extends BaseRule {
  public AdminPortExposedRule() {
    super("security.host.admin-port-beyond-loopback", Severity.MEDIUM,
        "An admin or metrics port on a scanned host accepts connections on a non-loopback address");
  }

  @Override
  public List<Finding> check(ModelIndex index) {
    Map<Integer, RuleData.SensitivePort> ports = RuleData.get().portsByNumber();
    List<Finding> out = new ArrayList<>();
    for (Component c : index.model().components()) {
      if (c.host().isEmpty()) continue;
      for (Listen l : c.listens()) {
        RuleData.SensitivePort p = ports.get(l.port());
        if (!l.isPublic() || p == null || !(p.role().equals("admin") || p.role().equals("metrics"))) continue;
        out.add(finding(c.id() + ":" + l.port(), c.name() + " serves " + p.name() + " port " + l.port() + " beyond loopback",
            c.name() + " on " + hostName(c) + " listens on " + l.address() + ":" + l.port() + ", the usual " + p.role()
                + " port of " + p.name() + ". Whether a firewall limits who reaches it was not read.",
            List.of(c.id()), c.evidence().stream().filter(e -> e.excerpt().contains(":" + l.port())).findFirst()
                .map(List::of).orElse(declaration(c)),
            "Bind " + c.name() + " to 127.0.0.1 or a management interface, or allow port " + l.port() + " only from the monitoring/admin hosts."));
      }
    }
    return out;
  }
}
