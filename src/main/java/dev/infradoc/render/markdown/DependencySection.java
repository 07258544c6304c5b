package dev.infradoc.render.markdown;

import static dev.infradoc.render.markdown.Markdown.text;

import dev.infradoc.model.Component;
import dev.infradoc.model.Dependency;
import dev.infradoc.render.View;
import dev.infradoc.render.ShapeGroups;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Dependencies (from, to, protocol, port, how known, evidence) and external integrations. */
final class DependencySection {
  private final View view;

  DependencySection(View view) {
    this.view = view;
  }

  /**
   * More than COLLAPSE_ABOVE dependencies: those between the same two groups of like components
   * (ShapeGroups: differing only by index or number), of the same protocol and kind, are one row
   * with their count and their ports as a range; each one is in model.json.
   */
  private void collapsed(StringBuilder md, List<Dependency> shown) {
    Set<String> involved = new java.util.HashSet<>();
    shown.forEach(d -> {
      involved.add(d.from());
      involved.add(d.to());
    });
    ShapeGroups groups = ShapeGroups.of(view.model().components().stream().filter(c -> involved.contains(c.id())).toList());
    Map<String, List<Dependency>> rows = new LinkedHashMap<>();
    for (Dependency d : shown) {
      rows.computeIfAbsent(name(groups, d.from()) + "\u0000" + name(groups, d.to()) + "\u0000" + d.protocol() + "\u0000" + d.kind(),
          k -> new ArrayList<>()).add(d);
    }
    md.append(shown.size()).append(" dependencies in ").append(rows.size()).append(" rows: those between components that differ "
        + "only by count/for_each index or number, of the same protocol and kind, are one row with their count and ports; "
        + "each one is in model.json.\n\n");
    md.append(Markdown.header("From", "To", "Protocol", "Port", "How known", "Count", "Evidence"));
    rows.values().forEach(same -> {
      Dependency d = same.get(0);
      Set<String> ports = new TreeSet<>();
      same.forEach(x -> ports.add(x.port() == 0 ? "not stated" : String.valueOf(x.port())));
      md.append(Markdown.row(text(name(groups, d.from())), text(name(groups, d.to())), text(InventorySection.or(d.protocol(), "unknown")),
          text(ShapeGroups.range(ports)), d.kind(), String.valueOf(same.size()), Markdown.evidence(d.evidence(), 2)
              + (same.size() > 1 ? "<br>(the other " + (same.size() - 1) + ": model.json)" : "")));
    });
  }

  private String name(ShapeGroups groups, String id) {
    ShapeGroups.Group g = groups.of(id);
    return g == null ? id : g.size() == 1 ? view.label(g.first()) : g.name() + " (x" + g.size() + ")";
  }

  void render(StringBuilder md) {
    md.append("## Dependencies and external integrations\n\n");
    if (view.model().dependencies().isEmpty()) {
      md.append("No dependencies were observed (no established connections between components, no proxy or connection-string configuration read).\n\n");
    } else {
      md.append("_observed_: a live connection at scan time; _configured_: named in a config file or environment; _declared_: infrastructure-as-code.\n\n");
      StructuralReferences structural = new StructuralReferences(view);
      List<Dependency> shown = view.model().dependencies().stream().filter(d -> structural.group(d) == null).toList();
      if (shown.size() > InventorySection.COLLAPSE_ABOVE) {
        collapsed(md, shown);
      } else {
        md.append(Markdown.header("From", "To", "Protocol", "Port", "How known", "Evidence"));
        for (Dependency d : shown) {
          md.append(Markdown.row(text(view.label(view.component(d.from()))), text(view.label(view.component(d.to()))),
              text(InventorySection.or(d.protocol(), "unknown")), d.port() == 0 ? "not stated" : String.valueOf(d.port()),
              d.kind(), Markdown.evidence(d.evidence(), 2)));
        }
      }
      md.append("\n");
      structural.render(md);
    }
    md.append("### External integrations\n\n");
    List<Component> externals = view.byRole().get("external");
    if (externals.isEmpty()) {
      md.append("None observed: no connection or configuration points outside the scanned hosts.\n\n");
      return;
    }
    md.append(Markdown.header("Service", "Technology", "Used by", "Detail", "Evidence"));
    for (Component c : externals) {
      String users = view.model().dependencies().stream().filter(d -> d.to().equals(c.id()))
          .map(d -> view.label(view.component(d.from()))).distinct().collect(Collectors.joining(", "));
      String detail = c.attributes().entrySet().stream().filter(e -> !e.getKey().equals("serviceKind"))
          .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("; "));
      md.append(Markdown.row(text(c.name()), text(InventorySection.or(c.technology(), "not identified")), text(users),
          text(detail), Markdown.evidence(c.evidence(), 2)));
    }
    md.append("\n");
  }
}
