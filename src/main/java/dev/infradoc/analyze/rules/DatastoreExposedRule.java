package dev.infradoc.analyze.rules;

import dev.infradoc.analyze.BaseRule;
import dev.infradoc.analyze.ModelIndex;
import dev.infradoc.model.Component;
import dev.infradoc.model.ComponentKind;
import dev.infradoc.model.Dependency;
import dev.infradoc.model.Evidence;
import dev.infradoc.model.Finding;
import dev.infradoc.model.Listen;
import dev.infradoc.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A database, cache, queue or search engine accepts connections from other machines: on a scanned
 * host it listens on a non-loopback address, in Compose its port is published on all interfaces of
 * the Docker host, in Kubernetes a LoadBalancer or NodePort Service selects it.
 */
public final class DatastoreExposedRule extends BaseRule {
  private static final Set<ComponentKind> DATA = Set.of(ComponentKind.DATABASE, ComponentKind.CACHE,
      ComponentKind.QUEUE, ComponentKind.STREAM, ComponentKind.SEARCH);

  public DatastoreExposedRule() {
    super("security.datastore.listens-beyond-loopback", Severity.HIGH,
        "A data store accepts connections beyond loopback: on a scanned host, a Compose port published on all interfaces,"
            + " or a Kubernetes LoadBalancer/NodePort Service");
  }

  @Override
  public List<Finding> check(ModelIndex index) {
    List<Finding> out = new ArrayList<>();
    for (Component c : index.model().components()) {
      if (DATA.contains(c.kind()) && !c.host().isEmpty()) host(c, out);
      else if (DATA.contains(c.kind()) && c.id().startsWith("compose:")) compose(c, out);
      else if (c.id().startsWith("k8s:") && ExposedService.outsideCluster(c)) service(index, c, out);
    }
    return out;
  }

  private void host(Component c, List<Finding> out) {
    List<Listen> open = c.listens().stream().filter(Listen::isPublic).toList();
    if (open.isEmpty()) return;
    String where = String.join(", ", open.stream().map(l -> l.address() + ":" + l.port()).toList());
    out.add(finding(c.id(), c.name() + " listens beyond loopback",
        c.name() + " (" + c.kind().id() + ") on " + hostName(c) + " accepts connections on " + where
            + ". InfraDoc did not read host firewall rules, so whether other machines can reach it is not established.",
        List.of(c.id()), listening(c),
        "Bind " + c.name() + " to 127.0.0.1 (or a private interface) if only local clients use it; otherwise restrict port "
            + open.get(0).port() + " to known clients with a firewall or security group."));
  }

  /** Compose writes a port published without a host address as 0.0.0.0: every interface of the Docker host. */
  private void compose(Component c, List<Finding> out) {
    List<Listen> open = c.listens().stream().filter(l -> ExposedService.allInterfaces(l.address())).toList();
    if (open.isEmpty()) return;
    String where = String.join(", ", open.stream().map(l -> l.address() + ":" + l.port()).toList());
    out.add(finding(c.id(), c.name() + " publishes its port on all interfaces",
        c.name() + " (" + c.kind().id() + ") publishes " + where + " on every interface of the Docker host (ports: "
            + c.attribute("ports") + "); Docker's own iptables rules bypass a host firewall such as ufw for published ports.",
        List.of(c.id()), evidenceFor(c, "ports"),
        "Drop the ports: entry of " + c.name() + " if only other services in the project use it (they reach it over the"
            + " project network), or publish it as 127.0.0.1:" + open.get(0).port() + ":" + open.get(0).port() + "."));
  }

  private void service(ModelIndex index, Component svc, List<Finding> out) {
    List<String> stores = new ArrayList<>();
    List<Evidence> evidence = new ArrayList<>(evidenceFor(svc, "type"));
    for (Dependency d : index.from(svc.id())) {
      Component target = index.component(d.to());
      if (target == null || !DATA.contains(target.kind()) || !d.kind().equals(Dependency.DECLARED)) continue;
      if (!stores.contains(target.id())) stores.add(target.id());
      evidence.addAll(d.evidence());
    }
    if (stores.isEmpty()) return;
    List<String> comps = new ArrayList<>(List.of(svc.id()));
    comps.addAll(stores);
    String ranges = svc.attribute("loadBalancerSourceRanges");
    out.add(finding(svc.id(), svc.name() + " exposes " + String.join(", ", names(index, stores)) + " outside the cluster",
        "Service " + svc.name() + " is of type " + svc.attribute("type") + " (" + svc.attribute("exposure") + ", ports "
            + svc.attribute("ports") + ") and selects the data store " + String.join(", ", stores)
            + (ranges.isEmpty() ? "; no loadBalancerSourceRanges limits who connects." : "; loadBalancerSourceRanges: " + ranges + "."),
        comps, evidence,
        "Make " + svc.name() + " a ClusterIP Service (clients inside the cluster reach it by name); if clients outside the"
            + " cluster need it, use an internal load balancer with loadBalancerSourceRanges set to their networks."));
  }

  private static List<String> names(ModelIndex index, List<String> ids) {
    return ids.stream().map(id -> index.component(id).name()).toList();
  }

  private static List<Evidence> listening(Component c) {
    List<Evidence> l = c.evidence().stream().filter(e -> e.excerpt().contains("LISTEN")).toList();
    return l.isEmpty() ? declaration(c) : l;
  }
}
