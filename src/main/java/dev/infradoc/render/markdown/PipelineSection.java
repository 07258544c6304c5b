package dev.infradoc.render.markdown;

import static dev.infradoc.render.markdown.Markdown.text;

import dev.infradoc.model.Component;
import dev.infradoc.model.ComponentKind;
import dev.infradoc.render.View;
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
      md.append(Markdown.row((job ? "↳ " : "**") + text(c.name()) + (job ? "" : "**"), text(trigger.text()),
          text(does.text().isEmpty() && job ? "no deploy, build or test step recognised" : does.text()), text(where.text()),
          ScalingSection.evidence(c, trigger, does, where)));
    }
    md.append("\n");
    return true;
  }
}
