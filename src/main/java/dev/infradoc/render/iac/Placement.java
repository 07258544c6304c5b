package dev.infradoc.render.iac;

import dev.infradoc.model.Component;
import dev.infradoc.model.Dependency;
import dev.infradoc.model.Model;
import dev.infradoc.model.Zone;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Where a declared resource sits: the subnets (or VPC, namespace, network) its `zones` attribute
 * names, else those of the resource it is placed through (a database through its subnet group).
 */
public final class Placement {
  private final Model model;
  private final Map<String, Zone> zones;
  private final References refs;
  // Asked by several sections and documents for the same components.
  private final Map<String, List<Zone>> placed = new java.util.concurrent.ConcurrentHashMap<>();

  public Placement(Model model, References refs) {
    this.model = model;
    this.refs = refs;
    this.zones = model.zones().stream().collect(Collectors.toMap(Zone::id, Function.identity(), (a, b) -> a));
  }

  /** The placement of this model's components, shared by the documents of one render. */
  public static Placement of(Model model) {
    return dev.infradoc.render.Derived.of(model, Placement.class, m -> new Placement(m, References.of(m)));
  }

  public Zone zone(String id) {
    return zones.get(id);
  }

  /** The zones a component sits in, most specific first (subnets rather than their VPC). */
  public List<Zone> of(Component c) {
    List<Zone> found = placed.get(c.id());
    if (found == null) {
      found = List.copyOf(of(c, new LinkedHashSet<>()));
      placed.put(c.id(), found);
    }
    return found;
  }

  private List<Zone> of(Component c, Set<String> seen) {
    if (!seen.add(c.id())) return List.of();
    List<Zone> own = named(c);
    if (own.stream().anyMatch(z -> z.kind().equals("subnet"))) return subnetsOnly(own);
    for (Dependency d : refs.through(c, Rules.get().placementAttribute)) {
      Component via = refs.component(d.to());
      List<Zone> inherited = of(via, seen);
      if (!inherited.isEmpty()) return inherited;
    }
    return own;
  }

  private List<Zone> named(Component c) {
    List<Zone> out = new ArrayList<>();
    for (String id : c.attribute("zones").split(",\\s*")) {
      Zone z = zones.get(id.strip());
      if (z != null) out.add(z);
    }
    return out;
  }

  private static List<Zone> subnetsOnly(List<Zone> zs) {
    return zs.stream().filter(z -> z.kind().equals("subnet")).toList();
  }

  /** "private subnets in eu-west-1a, eu-west-1b" or "VPC shop-prod", for prose and tables. */
  public String describe(Component c) {
    List<Zone> at = of(c);
    if (at.isEmpty()) return "";
    List<Zone> subnets = subnetsOnly(at);
    if (subnets.isEmpty()) return at.stream().map(z -> z.kind() + " " + name(z)).distinct().collect(Collectors.joining(", "));
    Set<String> tiers = new TreeSet<>();
    Set<String> azs = new TreeSet<>();
    subnets.forEach(z -> {
      tiers.add(z.attributes().getOrDefault("tier", "unclassified"));
      String az = z.attributes().getOrDefault("availability_zone", "");
      if (!az.isEmpty()) azs.add(az);
    });
    return String.join("/", tiers) + " subnets" + (azs.isEmpty() ? "" : " in " + String.join(", ", azs));
  }

  /** A zone's readable name: its Name tag or name, else its address. */
  public static String name(Zone z) {
    String tag = z.attributes().getOrDefault("tags.Name", z.attributes().getOrDefault("name", ""));
    return tag.isEmpty() ? z.name() : tag + " (" + z.name() + ")";
  }

  public Model model() {
    return model;
  }
}
