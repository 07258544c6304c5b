package dev.infradoc.render.iac;

import dev.infradoc.model.Component;
import dev.infradoc.model.Dependency;
import dev.infradoc.model.Model;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which attribute of a Terraform resource a declared reference comes from: the collector records
 * the edge, the attribute says what it means (a listener's load_balancer_arn vs its target group).
 */
public final class References {
  private final Map<String, Component> byId;
  // Indexes over the dependency list (kept in its order), so a lookup costs a component's own
  // edges, not the whole model's: thousands of resources made every walk quadratic.
  private final Map<String, List<Dependency>> byFrom = new HashMap<>();
  private final Map<String, List<Dependency>> byTo = new HashMap<>();
  // Memos, filled while documents render in parallel from one shared Traffic.
  private final Map<String, List<String>> naming = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, Pattern> patterns = new java.util.concurrent.ConcurrentHashMap<>();

  /** The references of this model, shared by the documents of one render. */
  public static References of(Model model) {
    return dev.infradoc.render.Derived.of(model, References.class, References::new);
  }

  public References(Model model) {
    this.byId = model.componentsById();
    for (Dependency d : model.dependencies()) {
      byFrom.computeIfAbsent(d.from(), k -> new ArrayList<>()).add(d);
      byTo.computeIfAbsent(d.to(), k -> new ArrayList<>()).add(d);
    }
  }

  /** Dependencies from a component, in model order. */
  public List<Dependency> outgoing(String id) {
    return byFrom.getOrDefault(id, List.of());
  }

  /** Dependencies to a component, in model order. */
  public List<Dependency> incoming(String id) {
    return byTo.getOrDefault(id, List.of());
  }

  public Component component(String id) {
    return byId.get(id);
  }

  /** Attribute keys of {@code from} whose value names {@code to} (as written inside from's module). */
  public List<String> attributesNaming(Component from, Component to) {
    return naming.computeIfAbsent(from.id() + "\u0000" + to.id(), k -> naming(from, to));
  }

  private List<String> naming(Component from, Component to) {
    String address = to.attribute("terraform.address");
    if (address.isEmpty()) return List.of();
    String module = modulePrefix(from.attribute("terraform.address"));
    String local = module.isEmpty() || !address.startsWith(module) ? address : address.substring(module.length());
    // aws_subnet.public[0] is written aws_subnet.public[count.index] or aws_subnet.public[*]
    String bare = local.replaceAll("\\[[^]]*]$", "");
    Pattern named = patterns.computeIfAbsent(bare, b -> Pattern.compile("(?<![\\w.])" + Pattern.quote(b) + "(?![\\w])"));
    List<String> keys = new ArrayList<>();
    from.attributes().forEach((k, v) -> {
      if (!k.startsWith("terraform.") && named.matcher(v).find()) keys.add(k);
    });
    return List.copyOf(keys);
  }

  /** Declared references from {@code from} whose attribute matches, resolved to components. */
  public List<Dependency> through(Component from, Pattern attribute) {
    List<Dependency> out = new ArrayList<>();
    for (Dependency d : outgoing(from.id())) {
      if (!d.kind().equals(Dependency.DECLARED)) continue;
      Component to = byId.get(d.to());
      if (to != null && attributesNaming(from, to).stream().anyMatch(k -> attribute.matcher(k).matches())) out.add(d);
    }
    return out;
  }

  static String modulePrefix(String address) {
    int i = address.lastIndexOf("module.");
    if (i < 0) return "";
    int dot = address.indexOf('.', i + "module.".length());
    return dot < 0 ? "" : address.substring(0, dot + 1);
  }
}
