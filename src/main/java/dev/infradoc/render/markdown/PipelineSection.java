package dev.infradoc.render.markdown;

import static dev.infradoc.render.markdown.Markdown.text;

import dev.infradoc.model.Component;
import dev.infradoc.model.ComponentKind;
import dev.infradoc.render.View;
import dev.infradoc.render.iac.Delivered;
import dev.infradoc.render.iac.Describe;
import dev.infradoc.render.iac.References;
import dev.infradoc.render.iac.Template;
import java.util.List;

/** CI/CD as declared: each workflow with its triggers, then its jobs with needs, what they deploy and where. */
final class PipelineSection {
  private final View view;
  private final Describe describe;

  PipelineSection(View view) {
    this.view = view;
    this.describe = Describe.of(view.model());
  }

  /** False when no workflow was read. */
  boolean render(StringBuilder md) {
    List<Component> ci = view.model().components().stream().filter(c -> c.kind() == ComponentKind.CI_CD && describe.has("pipelines", c)).toList();
    if (ci.isEmpty()) return false;
    md.append(Markdown.header("Workflow or job", "Triggered by / needs", "Does", "Where", "Evidence"));
    for (Component c : ci) {
      Template.Filled trigger = describe.column("pipelines", "trigger", c);
      Template.Filled does = describe.column("pipelines", "does", c);
      Template.Filled where = describe.column("pipelines", "where", c);
      boolean job = !c.attribute("workflow").isEmpty();
      String done = delivered(does.text(), c);
      md.append(Markdown.row((job ? "↳ " : "**") + text(c.name()) + (job ? "" : "**"), text(trigger.text()),
          text(done.isEmpty() && job ? "no deploy, build or test step recognised" : done), text(where.text()),
          ScalingSection.evidence(c, trigger, does, where)));
    }
    md.append("\n");
    return true;
  }

  /** What the job does, then the components it delivers and what it names that nothing here runs or declares. */
  private String delivered(String does, Component c) {
    List<String> parts = new java.util.ArrayList<>();
    if (!does.isEmpty()) parts.add(does);
    List<Delivered.Entry> entries = Delivered.entries(view.model(), c);
    if (!entries.isEmpty()) parts.add("delivers " + String.join(", ", entries.stream().map(Delivered.Entry::label).toList()));
    parts.addAll(Delivered.notMatched(c));
    return String.join("; ", parts);
  }
}
