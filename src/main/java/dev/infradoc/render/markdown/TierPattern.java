package dev.infradoc.render.markdown;

import static dev.infradoc.render.markdown.Markdown.text;

import dev.infradoc.model.Component;
import dev.infradoc.model.Zone;
import dev.infradoc.render.View;
import dev.infradoc.render.iac.Hop;
import dev.infradoc.render.iac.Placement;
import dev.infradoc.render.iac.Traffic;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The tiered pattern of declared infrastructure, claimed only when a request path goes from an edge
 * component through compute to a data store, and said with where each tier sits.
 */
final class TierPattern {
  private final View view;
  private final Traffic traffic;
  private final Placement placement;

  TierPattern(View view, Traffic traffic) {
    this.view = view;
    this.traffic = traffic;
    this.placement = Placement.of(view.model());
  }

  /** The claim with its evidence, or null when no path shows three tiers. */
  String describe() {
    for (Hop entry : traffic.entries()) {
      List<Hop> found = search(entry, new ArrayList<>(List.of(entry)), new HashSet<>());
      if (found != null) return claim(found);
    }
    return null;
  }

  private List<Hop> search(Hop at, List<Hop> path, Set<String> seen) {
    if (tiers(path) != null) return List.copyOf(path);
    if (!seen.add(at.to())) return null;
    for (Hop next : traffic.from(at.to())) {
      path.add(next);
      List<Hop> found = search(next, path, seen);
      if (found != null) return found;
      path.remove(path.size() - 1);
    }
    return null;
  }

  /** Edge, compute and data components in path order, or null. */
  private Component[] tiers(List<Hop> path) {
    Component edge = null;
    Component app = null;
    for (Hop h : path) {
      Component c = view.component(h.to());
      String role = c.kind().role();
      // A CDN or DNS record in front sits in no subnet: the edge tier is the first edge component
      // that does (the load balancer), when the path has one before the compute.
      if (role.equals("edge") && app == null && (edge == null || !placed(edge) && placed(c))) edge = c;
      else if (edge != null && app == null && (role.equals("application") || c.kind().id().equals("container-platform"))) app = c;
      else if (app != null && role.equals("data")) return new Component[] {edge, app, c};
    }
    return null;
  }

  private boolean placed(Component c) {
    return !placement.of(c).isEmpty();
  }

  private String claim(List<Hop> path) {
    Component[] t = tiers(path);
    Set<String> azs = new TreeSet<>();
    List<String> parts = new ArrayList<>();
    for (Component c : t) {
      String where = placement.describe(c);
      parts.add(view.label(c) + (where.isEmpty() ? "" : " in " + where));
      placement.of(c).stream().map(Zone::attributes).map(a -> a.getOrDefault("availability_zone", ""))
          .filter(s -> !s.isEmpty()).forEach(azs::add);
    }
    Set<String> evidence = new LinkedHashSet<>();
    path.forEach(h -> h.evidence().stream().limit(1).forEach(e -> evidence.add(e.locator())));
    return "**Architecture pattern:** three tiers: " + text(String.join(", then ", parts))
        + (azs.size() > 1 ? ", across " + azs.size() + " availability zones" : "")
        + ". Evidence (the request path): " + text(String.join("; ", evidence)) + ".\n";
  }
}
