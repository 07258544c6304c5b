package dev.infradoc.render.markdown;

import static dev.infradoc.render.markdown.Markdown.text;

import dev.infradoc.model.Dependency;
import dev.infradoc.render.View;
import dev.infradoc.render.iac.Traffic;
import java.util.List;

/** Request flow: each path from an entry point along dependencies to where it ends (usually data). */
final class FlowSection {
  private final View view;

  FlowSection(View view) {
    this.view = view;
  }

  void render(StringBuilder md) {
    md.append("## Request flow\n\n");
    Traffic traffic = Traffic.of(view.model());
    if (!traffic.isEmpty()) {
      new RequestFlowTree(view, traffic).render(md);
      return;
    }
    List<List<Dependency>> paths = view.requestPaths();
    if (paths.isEmpty()) {
      md.append("Not observed: no edge component or application with outgoing dependencies was found.\n\n");
      return;
    }
    int n = 1;
    for (List<Dependency> path : paths) {
      StringBuilder line = new StringBuilder(text(view.label(view.component(path.get(0).from()))));
      for (Dependency d : path) {
        line.append(" → ").append(text(view.label(view.component(d.to()))))
            .append(" (").append(text(InventorySection.or(d.protocol(), "?")))
            .append(d.port() == 0 ? "" : " :" + d.port()).append(", ").append(d.kind()).append(")");
      }
      md.append(n++).append(". ").append(line).append("\n");
    }
    md.append("\n");
  }
}
