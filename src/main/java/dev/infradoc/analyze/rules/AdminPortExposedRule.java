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

/**
 * An admin or metrics port (node_exporter, Docker API, kubelet...) accepts connections from other
 * machines: a process on a host on a non-loopback address, a Compose port published on all
 * interfaces, or a Kubernetes LoadBalancer/NodePort Service port.
 */
public final class AdminPortExposedRule extends BaseRule {
  public AdminPortExposedRule() {
    super("security.host.admin-port-beyond-loopback", Severity.MEDIUM,
        "An admin or metrics port accepts connections beyond loopback (host listener, Compose port on all interfaces,"
            + " Kubernetes LoadBalancer/NodePort Service)");
  }

  @Override
  public List<Finding> check(ModelIndex index) {
    Map<Integer, RuleData.SensitivePort> ports = RuleData.get().portsByNumber();
    List<Finding> out = new ArrayList<>();
    for (Component c : index.model().components()) {
      String where = where(c);
      if (where.isEmpty()) continue;
      for (Listen l : c.listens()) {
        RuleData.SensitivePort p = ports.get(l.port());
        if (!l.isPublic() || p == null || !(p.role().equals("admin") || p.role().equals("metrics"))) continue;
        if (c.host().isEmpty() && !ExposedService.allInterfaces(l.address())) continue;
        out.add(finding(c.id() + ":" + l.port(), c.name() + " serves " + p.name() + " port " + l.port() + " beyond loopback",
            c.name() + " " + where + " listens on " + l.address() + ":" + l.port() + ", the usual " + p.role()
                + " port of " + p.name() + ". Whether a firewall limits who reaches it was not read.",
            List.of(c.id()), c.evidence().stream().filter(e -> e.excerpt().contains(":" + l.port())).findFirst()
                .map(List::of).orElse(declaration(c)),
            "Bind " + c.name() + " to 127.0.0.1 or a management interface, or allow port " + l.port() + " only from the monitoring/admin hosts."));
      }
    }
    return out;
  }

  /** Where the listener is, for the detail; "" for components whose listeners do not face other machines. */
  private static String where(Component c) {
    if (!c.host().isEmpty()) return "on " + hostName(c);
    if (c.id().startsWith("compose:")) return "(Compose, ports: " + c.attribute("ports") + ")";
    if (c.id().startsWith("k8s:") && ExposedService.outsideCluster(c)) return "(Kubernetes " + c.attribute("type") + " Service)";
    return "";
  }
}
