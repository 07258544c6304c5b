package dev.infradoc.render.markdown;

import static dev.infradoc.render.markdown.Markdown.text;

import dev.infradoc.model.Component;
import dev.infradoc.model.Dependency;
import dev.infradoc.render.View;
import java.util.List;
import java.util.stream.Collectors;

/** Dependencies (from, to, protocol, port, how known, evidence) and external integrations. */
final class DependencySection {
  private final View view;

  DependencySection(View view) {
    this.view = view;
  }

  void render(StringBuilder md) {
    md.append("## Dependencies and external integrations\n\n");
    if (view.model().dependencies().isEmpty()) {
      md.append("No dependencies were observed (no established connections between components, no proxy or connection-string configuration read).\n\n");
    } else {
      md.append("_observed_: a live connection at scan time; _configured_: named in a config file or environment; _declared_: infrastructure-as-code.\n\n");
      md.append(Markdown.header("From", "To", "Protocol", "Port", "How known", "Evidence"));
      StructuralReferences structural = new StructuralReferences(view);
      for (Dependency d : view.model().dependencies()) {
        if (structural.group(d) != null) continue;
        md.append(Markdown.row(text(view.label(view.component(d.from()))), text(view.label(view.component(d.to()))),
            text(InventorySection.or(d.protocol(), "unknown")), d.port() == 0 ? "not stated" : String.valueOf(d.port()),
            d.kind(), Markdown.evidence(d.evidence(), 2)));
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
