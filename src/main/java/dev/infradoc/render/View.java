package dev.infradoc.render;

import dev.infradoc.model.Component;
import dev.infradoc.model.ComponentKind;
import dev.infradoc.model.Dependency;
import dev.infradoc.model.Model;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Read-only questions renderers ask of a model: groups by role, request paths, display names. */
public final class View {
  public static final List<String> ROLES = List.of("edge", "application", "data", "platform", "external", "unclassified");
  public static final Map<String, String> ROLE_TITLES = Map.of("edge", "Edge", "application", "Application",
      "data", "Data", "platform", "Platform and system", "external", "External", "unclassified", "Unclassified");

  private final Model model;
  private final Map<String, Component> byId;
  // Edges by endpoint in model order: asked per component, a scan of all edges made large models quadratic.
  private final Map<String, List<Dependency>> byFrom = new java.util.HashMap<>();
  private final Map<String, List<Dependency>> byTo = new java.util.HashMap<>();
  // Components by Terraform type, each list in model order: sections ask by type pattern many times.
  private final Map<String, List<Component>> byType = new LinkedHashMap<>();

  public View(Model model) {
    this.model = model;
    this.byId = model.componentsById();
    for (Dependency d : model.dependencies()) {
      byFrom.computeIfAbsent(d.from(), k -> new ArrayList<>()).add(d);
      byTo.computeIfAbsent(d.to(), k -> new ArrayList<>()).add(d);
    }
    for (Component c : model.components()) {
      String type = c.attribute("terraform.type");
      if (!type.isEmpty()) byType.computeIfAbsent(type, k -> new ArrayList<>()).add(c);
    }
  }

  /**
   * The components whose Terraform type matches the pattern, in model order. The pattern is tried
   * once per distinct type, not once per component.
   */
  public List<Component> ofTerraformType(java.util.regex.Pattern type) {
    List<List<Component>> matching = byType.entrySet().stream().filter(e -> type.matcher(e.getKey()).matches())
        .map(Map.Entry::getValue).toList();
    if (matching.size() == 1) return List.copyOf(matching.get(0));
    Set<Component> wanted = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    matching.forEach(wanted::addAll);
    if (wanted.isEmpty()) return List.of();
    return model.components().stream().filter(wanted::contains).toList();
  }

  /** The view of this model shared by the documents of one render. */
  public static View of(Model model) {
    return Derived.of(model, View.class, View::new);
  }

  public Model model() {
    return model;
  }

  public Component component(String id) {
    return byId.get(id);
  }

  public Map<String, List<Component>> byRole() {
    Map<String, List<Component>> out = new LinkedHashMap<>();
    ROLES.forEach(r -> out.put(r, new ArrayList<>()));
    model.components().forEach(c -> out.get(c.kind().role()).add(c));
    return out;
  }

  public Map<String, Integer> countByKind() {
    Map<String, Integer> out = new TreeMap<>();
    model.components().forEach(c -> out.merge(c.kind().id(), 1, Integer::sum));
    return out;
  }

  /** A name that stays unique across hosts: "nginx on web01". */
  public String label(Component c) {
    if (c.host().isEmpty() || model.hosts().size() <= 1) return c.name();
    return c.name() + " on " + c.host().replaceFirst("^host:", "");
  }

  public List<Dependency> from(String id) {
    return List.copyOf(byFrom.getOrDefault(id, List.of()));
  }

  /** Edges to a component, in model order. */
  public List<Dependency> to(String id) {
    return List.copyOf(byTo.getOrDefault(id, List.of()));
  }

  public boolean hasIncoming(String id) {
    return byTo.containsKey(id);
  }

  /** Components that start request paths: edge components, else applications nobody calls. */
  public List<Component> entryPoints() {
    List<Component> edge = model.components().stream()
        .filter(c -> c.kind().role().equals("edge") && !from(c.id()).isEmpty()).toList();
    if (!edge.isEmpty()) return edge;
    return model.components().stream().filter(c -> c.kind() == ComponentKind.APPLICATION
        && !hasIncoming(c.id()) && !from(c.id()).isEmpty()).toList();
  }

  /** Request paths from each entry point, depth first, each path a list of edges; cycles are cut. */
  public List<List<Dependency>> requestPaths() {
    List<List<Dependency>> paths = new ArrayList<>();
    for (Component entry : entryPoints()) walk(entry.id(), new ArrayList<>(), new java.util.HashSet<>(Set.of(entry.id())), paths);
    return paths;
  }

  private void walk(String id, List<Dependency> path, Set<String> seen, List<List<Dependency>> out) {
    List<Dependency> next = distinctTargets(from(id)).stream().filter(d -> !seen.contains(d.to())).toList();
    if (next.isEmpty()) {
      if (!path.isEmpty()) out.add(List.copyOf(path));
      return;
    }
    for (Dependency d : next) {
      path.add(d);
      seen.add(d.to());
      walk(d.to(), path, seen, out);
      seen.remove(d.to());
      path.remove(path.size() - 1);
    }
  }

  /** One edge per target: observed wins over configured over declared. */
  public static List<Dependency> distinctTargets(List<Dependency> deps) {
    Map<String, Dependency> best = new TreeMap<>();
    for (Dependency d : deps) {
      best.merge(d.to(), d, (a, b) -> rank(a.kind()) <= rank(b.kind()) ? a : b);
    }
    return List.copyOf(best.values());
  }

  private static int rank(String kind) {
    return switch (kind) {
      case Dependency.OBSERVED -> 0;
      case Dependency.CONFIGURED -> 1;
      default -> 2;
    };
  }
}
