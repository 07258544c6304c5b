package dev.infradoc.render.iac;

import dev.infradoc.model.Component;
import dev.infradoc.model.Dependency;
import dev.infradoc.model.Evidence;
import dev.infradoc.model.Model;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The request graph of declared infrastructure: which references carry requests and which way
 * (knowledge/traffic.yaml), which components security groups let talk to each other, and the
 * entry points where requests from outside arrive. Every hop keeps the evidence of its reference.
 */
public final class Traffic {
  private final Model model;
  private final Rules rules = Rules.get();
  private final References refs;
  // Looked up by id only, never iterated for output: hash maps (these lookups run per hop and component).
  private final Map<String, List<Hop>> out = new HashMap<>();
  private final Map<String, Set<String>> worn = new HashMap<>();
  private List<Hop> reachable;
  private Set<String> reached;
  private final List<Hop> entries = new ArrayList<>();
  private final List<Dependency> allowedRules;
  private final Set<String> templates = new HashSet<>();

  /** The traffic of this model, built once and shared by the documents and sections that render it. */
  public static Traffic of(Model model) {
    return dev.infradoc.render.Derived.of(model, Traffic.class, Traffic::new);
  }

  public Traffic(Model model) {
    this.model = model;
    this.refs = References.of(model);
    this.allowedRules = model.dependencies().stream().filter(d -> d.kind().equals(Dependency.ALLOWED)).toList();
    for (Component c : model.components()) worn.put(c.id(), wears(c, new HashSet<>()));
    for (Component c : model.components()) if (isTemplate(c)) templates.add(c.id());
    for (Component c : model.components()) {
      if (c.attribute("terraform.type").isEmpty()) untyped(c);
      else terraform(c);
    }
    securityGroupHops();
    for (Component c : model.components()) {
      for (Rules.Entry e : rules.entries) {
        if (e.match().matches(c)) {
          entries.add(new Hop(Hop.OUTSIDE + e.from(), c.id(), "reaches", "", 0, Dependency.DECLARED, List.of(Facts.header(c))));
          break;
        }
      }
    }
    out.values().forEach(list -> list.sort(java.util.Comparator.comparing(Hop::to).thenComparing(Hop::port)));
  }

  public References references() {
    return refs;
  }

  /** Hops from outside to each entry point, sorted by entry id. */
  public List<Hop> entries() {
    return entries;
  }

  public List<Hop> from(String id) {
    return out.getOrDefault(id, List.of());
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /** Security groups a component is in, its own or through its launch template. */
  public Set<String> securityGroups(String id) {
    return worn.getOrDefault(id, Set.of());
  }

  /** The group-to-group rules that allow traffic from one component's groups to another's. */
  public List<Dependency> allowed(String from, String to) {
    Set<String> a = securityGroups(from);
    Set<String> b = securityGroups(to);
    if (a.isEmpty() || b.isEmpty()) return List.of();
    return allowedRules.stream().filter(d -> a.contains(d.from()) && b.contains(d.to())).toList();
  }

  /** Every hop reachable from the entries, each once, in walk order: the request graph to draw. */
  public synchronized List<Hop> reachable() {
    if (reachable == null) reachable = List.copyOf(walk());
    return reachable;
  }

  /** Whether some hop of the request graph arrives at this component. */
  public synchronized boolean reached(String id) {
    if (reached == null) reached = reachable().stream().map(Hop::to).collect(java.util.stream.Collectors.toSet());
    return reached.contains(id);
  }

  private List<Hop> walk() {
    List<Hop> all = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    Set<String> hopSeen = new HashSet<>();
    List<String> queue = new ArrayList<>();
    for (Hop e : entries) {
      all.add(e);
      if (seen.add(e.to())) queue.add(e.to());
    }
    for (int i = 0; i < queue.size(); i++) {
      for (Hop h : from(queue.get(i))) {
        if (!hopSeen.add(h.from() + ">" + h.to() + ">" + h.port())) continue;
        all.add(h);
        if (seen.add(h.to())) queue.add(h.to());
      }
    }
    return all;
  }

  private void terraform(Component c) {
    String type = c.attribute("terraform.type");
    for (Rules.HopRule rule : rules.hops) {
      if (!rule.type().matcher(type).matches()) continue;
      for (Dependency d : refs.through(c, rule.attribute())) {
        String from = rule.along() ? c.id() : d.to();
        String to = rule.along() ? d.to() : c.id();
        add(new Hop(from, to, rule.says(), "", 0, Dependency.DECLARED, d.evidence()));
      }
    }
    if (!rules.usesFrom.matcher(c.kind().id()).matches()) return;
    Set<String> sources = new LinkedHashSet<>(List.of(c.id()));
    refs.through(c, rules.inheritAttribute).forEach(d -> sources.add(d.to()));
    for (String source : sources) {
      for (Dependency d : refs.outgoing(source)) {
        if (!d.kind().equals(Dependency.DECLARED)) continue;
        Component to = refs.component(d.to());
        if (to == null || !rules.usesTo.matcher(to.kind().id()).matches()
            || rules.usesExcept.matcher(to.attribute("terraform.type")).matches()) continue;
        List<String> via = refs.attributesNaming(refs.component(source), to);
        add(new Hop(c.id(), to.id(), "uses" + (via.isEmpty() ? "" : " (named in " + String.join(", ", via) + ")"),
            "", 0, Dependency.DECLARED, d.evidence()));
      }
    }
  }

  /** Kubernetes, compose and host edges point the way requests go already. */
  private void untyped(Component c) {
    Map<String, List<Dependency>> byTarget = new LinkedHashMap<>();
    for (Dependency d : refs.outgoing(c.id())) {
      if (d.kind().equals(Dependency.ALLOWED)) continue;
      Component to = refs.component(d.to());
      if (to == null || rules.notTraffic.contains(to.kind().id())) continue;
      byTarget.computeIfAbsent(d.to(), k -> new ArrayList<>()).add(d);
    }
    byTarget.forEach((to, deps) -> {
      // A depends_on and a connection string to the same service are one hop; the one with a port says more.
      Dependency best = deps.stream().max(java.util.Comparator.comparing((Dependency d) -> d.port() != 0)
          .thenComparing(d -> !d.protocol().isEmpty())).orElseThrow();
      Set<Evidence> ev = new TreeSet<>();
      deps.forEach(d -> ev.addAll(d.evidence()));
      String says = best.kind().equals(Dependency.DECLARED) ? "routes to"
          : rules.forwardsFrom.matcher(c.kind().id()).matches() ? rules.forwardsSays : "connects to";
      add(new Hop(c.id(), to, says, best.protocol(),
          best.port(), best.kind(), List.copyOf(ev)));
    });
  }

  /** Compute in one group may open connections to a data store in another when a group rule allows it. */
  private void securityGroupHops() {
    // Who wears each group, so only components a rule can reach are paired (not every pair).
    Map<String, Set<String>> wearers = new HashMap<>();
    worn.forEach((id, groups) -> groups.forEach(g -> wearers.computeIfAbsent(g, k -> new HashSet<>()).add(id)));
    for (Component from : model.components()) {
      Set<String> groups = securityGroups(from.id());
      if (groups.isEmpty() || !rules.usesFrom.matcher(from.kind().id()).matches()) continue;
      if (templates.contains(from.id())) continue;
      Set<String> candidates = new HashSet<>();
      for (Dependency rule : allowedRules) {
        if (groups.contains(rule.from())) candidates.addAll(wearers.getOrDefault(rule.to(), Set.of()));
      }
      if (candidates.isEmpty()) continue;
      for (Component to : model.components()) {
        if (to == from || !candidates.contains(to.id()) || templates.contains(to.id())) continue;
        if (!to.kind().role().equals("data") && !to.kind().role().equals("application")) continue;
        for (Dependency rule : allowed(from.id(), to.id())) {
          add(new Hop(from.id(), to.id(), "may connect to (security group rule)", rule.protocol(), rule.port(),
              Dependency.ALLOWED, rule.evidence()));
        }
      }
    }
  }

  /** A launch template is worn by the group that uses it; it does not run on its own. */
  private boolean isTemplate(Component c) {
    return refs.incoming(c.id()).stream().anyMatch(d -> refs.component(d.from()) != null
        && refs.attributesNaming(refs.component(d.from()), c).stream().anyMatch(k -> rules.inheritAttribute.matcher(k).matches()));
  }

  private Set<String> wears(Component c, Set<String> seen) {
    if (!seen.add(c.id()) || c.attribute("terraform.type").isEmpty()) return Set.of();
    Set<String> groups = new TreeSet<>();
    refs.through(c, rules.wornAttribute).stream().map(Dependency::to)
        .filter(id -> rules.securityGroupType.matcher(refs.component(id).attribute("terraform.type")).matches())
        .forEach(groups::add);
    refs.through(c, rules.inheritAttribute).forEach(d -> groups.addAll(wears(refs.component(d.to()), seen)));
    return groups;
  }

  private void add(Hop h) {
    List<Hop> list = out.computeIfAbsent(h.from(), k -> new ArrayList<>());
    if (list.stream().noneMatch(x -> x.to().equals(h.to()) && x.port() == h.port() && x.says().equals(h.says()))) list.add(h);
  }
}
