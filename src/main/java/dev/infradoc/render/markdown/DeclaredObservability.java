package dev.infradoc.render.markdown;

import static dev.infradoc.render.markdown.Markdown.text;

import dev.infradoc.model.Component;
import dev.infradoc.model.ComponentKind;
import dev.infradoc.render.View;
import dev.infradoc.render.iac.Describe;
import dev.infradoc.render.iac.References;
import dev.infradoc.render.iac.Template;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Declared log groups (retention), alarms (metric, threshold, actions) and dashboards. */
final class DeclaredObservability {
  private final View view;
  private final Describe describe;

  DeclaredObservability(View view) {
    this.view = view;
    this.describe = Describe.of(view.model());
  }

  boolean render(StringBuilder md) {
    List<Component> obs = view.model().components().stream().filter(c -> c.host().isEmpty() && Set.of(ComponentKind.MONITORING,
        ComponentKind.LOGGING, ComponentKind.TRACING).contains(c.kind())).toList();
    if (obs.isEmpty()) return false;
    ComponentTable table = new ComponentTable("Resource", "Kind", "Settings", "Acts on", "Evidence");
    for (Component c : obs) {
      Template.Filled detail = describe.column("observability", "detail", c);
      String to = view.from(c.id()).stream().map(d -> view.component(d.to())).filter(x -> x != null).map(view::label)
          .distinct().collect(Collectors.joining(", "));
      table.add(c, text(view.label(c)), c.kind().id(), text(detail.text().isEmpty() ? "not stated" : detail.text()),
          text(to), ScalingSection.evidence(c, detail));
    }
    table.render(md);
    md.append("\n");
    return true;
  }
}
