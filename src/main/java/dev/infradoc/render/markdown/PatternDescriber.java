package dev.infradoc.render.markdown;

import static dev.infradoc.render.markdown.Markdown.text;

import dev.infradoc.model.Component;
import dev.infradoc.model.Dependency;
import dev.infradoc.render.View;
import dev.infradoc.render.iac.Traffic;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * States the architecture pattern only when the dependency graph shows it: an edge component
 * forwarding to an application that uses data stores is a layered (three-tier) arrangement.
 */
final class PatternDescriber {
  private final View view;

  PatternDescriber(View view) {
    this.view = view;
  }

  String describe() {
    Traffic traffic = Traffic.of(view.model());
    if (!traffic.isEmpty()) {
      String declared = new TierPattern(view, traffic).describe();
      if (declared != null) return declared;
    }
    for (List<Dependency> path : view.requestPaths()) {
      Component first = view.component(path.get(0).from());
      Component app = null;
      Component data = null;
      for (Dependency d : path) {
        Component to = view.component(d.to());
        if (app == null && to.kind().role().equals("application")) app = to;
        if (app != null && to.kind().role().equals("data")) data = to;
      }
      if (first.kind().role().equals("edge") && app != null && data != null) {
        Set<String> ev = new LinkedHashSet<>();
        for (Dependency d : path) d.evidence().stream().limit(1).forEach(e -> ev.add(e.locator()));
        int hosts = view.model().hosts().size();
        return "**Architecture pattern:** layered (three tiers: " + text(first.name()) + " in front, "
            + text(app.name()) + " behind it, " + text(data.name()) + " for data)"
            + (hosts == 1 ? ", all on one host" : "") + ". Evidence: "
            + text(String.join("; ", ev)) + ".\n";
      }
    }
    return "**Architecture pattern:** none claimed: no path from an edge component through an application to a data store was observed.\n";
  }
}
