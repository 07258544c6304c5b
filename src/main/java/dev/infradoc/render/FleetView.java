package dev.infradoc.render;

import dev.infradoc.model.Component;
import dev.infradoc.model.ComponentKind;
import dev.infradoc.model.Dependency;
import dev.infradoc.model.Host;
import dev.infradoc.model.Model;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The fleet as documents show it: each host in one tier (its most specific inventory group: the one
 * with the fewest hosts), hosts with the same services in the same tier collapsed into one class
 * ({@code web[01..12]}), and the dependencies between classes. Pure function of the model.
 */
public final class FleetView {
  /** Tier of hosts that no inventory group names. */
  public static final String UNGROUPED = "ungrouped";
  /** Attribute FleetStitcher sets on instances of one service across hosts. */
  public static final String SERVICE = "service";

  private final Model model;
  private final Map<String, String> tierOf = new HashMap<>();
  private final Map<String, List<HostClass>> tiers = new TreeMap<>();
  private final Map<String, HostClass> classOf = new HashMap<>();

  /** Identical hosts of one tier: their names, and the services each runs. */
  public record HostClass(String id, String tier, List<Host> hosts, List<String> services) {
    public String name() {
      return HostRanges.collapse(hosts.stream().map(Host::hostname).toList());
    }
  }

  /** Dependencies from one class (or outside component) to another, with the distinct protocol/port labels. */
  public record Link(String from, String to, TreeSet<String> labels, boolean observed) {}

  public FleetView(Model model) {
    this.model = model;
    Map<String, Integer> groupSize = new HashMap<>();
    model.hosts().forEach(h -> h.groups().forEach(g -> groupSize.merge(g, 1, Integer::sum)));
    Map<String, List<Component>> byHost = model.components().stream().filter(c -> !c.host().isEmpty())
        .collect(Collectors.groupingBy(Component::host));
    Map<String, Map<String, List<Host>>> grouped = new TreeMap<>();
    for (Host h : model.hosts()) {
      String tier = h.groups().stream()
          .min(java.util.Comparator.comparingInt((String g) -> groupSize.get(g)).thenComparing(g -> g))
          .orElse(UNGROUPED);
      tierOf.put(h.id(), tier);
      grouped.computeIfAbsent(tier, k -> new TreeMap<>())
          .computeIfAbsent(signature(byHost.getOrDefault(h.id(), List.of())), k -> new ArrayList<>()).add(h);
    }
    int n = 0;
    for (Map.Entry<String, Map<String, List<Host>>> t : grouped.entrySet()) {
      List<HostClass> classes = new ArrayList<>();
      // classes in the order of their first host's name, so the map reads like the inventory
      List<List<Host>> ordered = new ArrayList<>(t.getValue().values());
      ordered.sort(java.util.Comparator.comparing(hs -> hs.get(0).hostname()));
      for (List<Host> hs : ordered) {
        HostClass c = new HostClass("c" + (++n), t.getKey(), List.copyOf(hs), services(byHost.getOrDefault(hs.get(0).id(), List.of())));
        classes.add(c);
        hs.forEach(h -> classOf.put(h.id(), c));
      }
      tiers.put(t.getKey(), classes);
    }
  }

  public Map<String, List<HostClass>> tiers() {
    return tiers;
  }

  public String tier(Host h) {
    return tierOf.getOrDefault(h.id(), UNGROUPED);
  }

  public HostClass classOf(String hostId) {
    return classOf.get(hostId);
  }

  /** What a host runs that matters on a map: services, not platform daemons or one-off jobs. */
  public static boolean shown(Component c) {
    return !c.kind().role().equals("platform") && c.kind() != ComponentKind.SCHEDULER;
  }

  /** Services running on two or more hosts (FleetStitcher's {@code service} attribute), by service name. */
  public Map<String, List<Component>> sharedServices() {
    Map<String, List<Component>> out = new TreeMap<>();
    model.components().stream().filter(c -> !c.attribute(SERVICE).isEmpty() && shown(c))
        .forEach(c -> out.computeIfAbsent(c.attribute(SERVICE), k -> new ArrayList<>()).add(c));
    return out;
  }

  /** Dependencies lifted to classes; an edge inside one class of hosts (same host, or a peer in the class) is left out. */
  public List<Link> links() {
    Map<String, Component> byId = model.componentsById();
    Map<String, Link> links = new LinkedHashMap<>();
    for (Dependency d : model.dependencies()) {
      Component from = byId.get(d.from());
      Component to = byId.get(d.to());
      if (from == null || to == null) continue;
      String a = node(from);
      String b = node(to);
      if (a.equals(b)) continue;
      String label = ((d.protocol().isEmpty() ? "" : d.protocol()) + (d.port() == 0 ? "" : " " + d.port())).trim();
      Link l = links.computeIfAbsent(a + ">" + b, k -> new Link(a, b, new TreeSet<>(), false));
      l.labels().add(label.isEmpty() ? "uses" : label);
      if (d.kind().equals(Dependency.OBSERVED) && !l.observed()) {
        links.put(a + ">" + b, new Link(a, b, l.labels(), true));
      }
    }
    return List.copyOf(links.values());
  }

  /** A class id for components on hosts, the component id for everything else. */
  public String node(Component c) {
    HostClass hc = c.host().isEmpty() ? null : classOf.get(c.host());
    return hc == null ? c.id() : hc.id();
  }

  private static String signature(List<Component> on) {
    return on.stream().filter(FleetView::shown).map(c -> c.id().substring(c.host().length()) + "|" + c.kind().id()
        + "|" + c.technology()).sorted().collect(Collectors.joining(";"));
  }

  private static List<String> services(List<Component> on) {
    return on.stream().filter(FleetView::shown).map(Component::name).distinct().sorted().toList();
  }
}
