package dev.infradoc.render.markdown;

import static dev.infradoc.render.markdown.Markdown.text;

import dev.infradoc.model.Component;
import dev.infradoc.model.Dependency;
import dev.infradoc.model.Evidence;
import dev.infradoc.render.View;
import dev.infradoc.render.iac.Describe;
import dev.infradoc.render.iac.Placement;
import dev.infradoc.render.iac.Template;
import dev.infradoc.render.iac.Traffic;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Declared compute as numbers (types, capacity, replicas) and the scaling policies with the alarms that drive them. */
final class ScalingSection {
  private final View view;
  private final Describe describe;
  private final Placement placement;

  ScalingSection(View view) {
    this.view = view;
    Traffic traffic = Traffic.of(view.model());
    this.describe = Describe.of(view.model());
    this.placement = Placement.of(view.model());
  }

  /** Renders the declared part; false when nothing declared is compute. */
  boolean render(StringBuilder md) {
    List<Component> compute = view.model().components().stream().filter(c -> c.host().isEmpty() && describe.has("compute", c)
        && !c.kind().role().equals("data")).toList();
    List<Component> policies = view.model().components().stream().filter(c -> describe.has("scaling", c)).toList();
    if (compute.isEmpty() && policies.isEmpty()) return false;
    if (!compute.isEmpty()) {
      ComponentTable table = new ComponentTable("Component", "Runs", "Capacity", "Placement", "Detail", "Evidence");
      for (Component c : compute) {
        Template.Filled runs = describe.column("compute", "runs", c);
        Template.Filled cap = describe.column("compute", "capacity", c);
        Template.Filled detail = describe.column("compute", "detail", c);
        table.add(c, text(view.label(c)), text(or(runs.text())), text(or(cap.text())),
            text(or(placement.describe(c))), text(detail.text()), evidence(c, runs, cap, detail));
      }
      table.render(md);
      md.append("\n");
    }
    md.append("### Scaling policies\n\n");
    if (policies.isEmpty()) {
      md.append("None declared: capacity above is fixed unless changed by hand.\n\n");
      return true;
    }
    ComponentTable table = new ComponentTable("Policy", "Scales", "Action", "Cooldown", "Triggered by", "Evidence");
    for (Component p : policies) {
      String scales = view.from(p.id()).stream().map(d -> view.component(d.to())).filter(c -> c != null && describe.has("compute", c))
          .map(view::label).distinct().collect(Collectors.joining(", "));
      Template.Filled action = describe.column("scaling", "action", p);
      Template.Filled cooldown = describe.column("scaling", "cooldown", p);
      List<String> triggers = new ArrayList<>();
      Set<Evidence> ev = new LinkedHashSet<>(action.evidence());
      ev.addAll(cooldown.evidence());
      for (Dependency d : view.to(p.id())) {
        Component alarm = view.component(d.from());
        if (alarm == null || !describe.has("alarms", alarm)) continue;
        Template.Filled t = describe.column("alarms", "trigger", alarm);
        triggers.add(alarm.name() + ": " + t.text());
        ev.addAll(t.evidence());
      }
      table.add(p, text(view.label(p)), text(or(scales)), text(or(action.text())), text(or(cooldown.text())),
          text(triggers.isEmpty() ? "no alarm declared" : String.join("; ", triggers)), Markdown.evidence(List.copyOf(ev), 4));
    }
    table.render(md);
    md.append("\n");
    return true;
  }

  static String evidence(Component c, Template.Filled... filled) {
    Set<Evidence> ev = new LinkedHashSet<>();
    for (Template.Filled f : filled) ev.addAll(f.evidence());
    if (ev.isEmpty()) ev.add(dev.infradoc.render.iac.Facts.header(c));
    return Markdown.evidence(List.copyOf(ev), 3);
  }

  private static String or(String s) {
    return s.isEmpty() ? "not stated" : s;
  }
}
