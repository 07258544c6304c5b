package dev.infradoc.analyze;

import dev.infradoc.model.Component;
import dev.infradoc.model.Dependency;
import dev.infradoc.model.Host;
import dev.infradoc.model.Model;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The model with the lookups rules need built once (by id, edges per component, components per
 * host and per Terraform type), so that every rule stays linear in the size of the model.
 */
public final class ModelIndex {
  private final Model model;
  private final Map<String, Component> byId = new HashMap<>();
  private final Map<String, List<Dependency>> out = new HashMap<>();
  private final Map<String, List<Dependency>> in = new HashMap<>();
  private final Map<String, List<Component>> byHost = new HashMap<>();
  private final Map<String, List<Component>> byType = new HashMap<>();
  private final Map<String, Host> hosts = new HashMap<>();
  private List<FirewallRule> firewallRules;
  private HostLinks hostLinks;

  public ModelIndex(Model model) {
    this.model = model;
    for (Component c : model.components()) {
      byId.put(c.id(), c);
      if (!c.host().isEmpty()) byHost.computeIfAbsent(c.host(), k -> new ArrayList<>()).add(c);
      String type = c.attribute("terraform.type");
      if (!type.isEmpty()) byType.computeIfAbsent(type, k -> new ArrayList<>()).add(c);
    }
    for (Dependency d : model.dependencies()) {
      out.computeIfAbsent(d.from(), k -> new ArrayList<>()).add(d);
      in.computeIfAbsent(d.to(), k -> new ArrayList<>()).add(d);
    }
    model.hosts().forEach(h -> hosts.put(h.id(), h));
  }

  public Model model() {
    return model;
  }

  public Component component(String id) {
    return byId.get(id);
  }

  public List<Dependency> from(String id) {
    return out.getOrDefault(id, List.of());
  }

  public List<Dependency> to(String id) {
    return in.getOrDefault(id, List.of());
  }

  public List<Component> onHost(String hostId) {
    return byHost.getOrDefault(hostId, List.of());
  }

  public Host host(String hostId) {
    return hosts.get(hostId);
  }

  /** Declared components of these Terraform resource types, in model order (sorted by id). */
  public List<Component> ofType(String... types) {
    if (types.length == 1) return byType.getOrDefault(types[0], List.of());
    List<Component> all = new ArrayList<>();
    for (String t : types) all.addAll(byType.getOrDefault(t, List.of()));
    all.sort(java.util.Comparator.comparing(Component::id));
    return all;
  }

  /** Components of one of these types that reference {@code id} (a declared edge to it). */
  public List<Component> referrers(String id, String... types) {
    List<String> wanted = List.of(types);
    List<Component> found = new ArrayList<>();
    for (Dependency d : to(id)) {
      Component c = byId.get(d.from());
      if (c != null && d.kind().equals(Dependency.DECLARED) && wanted.contains(c.attribute("terraform.type"))) found.add(c);
    }
    return found;
  }

  /** Every security group rule in the model, parsed once and shared by the rules that read them. */
  public synchronized List<FirewallRule> firewallRules() {
    if (firewallRules == null) firewallRules = List.copyOf(FirewallRule.parse(this));
    return firewallRules;
  }

  /** Scanned hosts linked to the declared instances they are, built once and shared by the drift rules. */
  public synchronized HostLinks hostLinks() {
    if (hostLinks == null) hostLinks = new HostLinks(this);
    return hostLinks;
  }

  /** True when the model holds running hosts (a host scan). */
  public boolean hasHosts() {
    return !model.hosts().isEmpty();
  }

  /** True when the model holds declared components (infrastructure-as-code). */
  public boolean hasDeclared() {
    return !byType.isEmpty();
  }
}
