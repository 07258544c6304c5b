package dev.infradoc.render.security;

import static dev.infradoc.render.markdown.Markdown.text;

import dev.infradoc.model.Evidence;
import dev.infradoc.model.Finding;
import dev.infradoc.model.Model;
import dev.infradoc.model.Severity;
import dev.infradoc.pipeline.RunInfo;
import dev.infradoc.render.RuleInfo;
import dev.infradoc.render.markdown.Markdown;
import java.util.ArrayList;
import java.util.List;
import dev.infradoc.render.View;
import dev.infradoc.render.markdown.FindingGroups;

/** security.md: every finding by severity with its detail, evidence and recommendation; accepted ones marked, never hidden. */
public final class SecurityDocument {
  private final Model model;
  private final RunInfo run;
  private final List<RuleInfo> rules;

  public SecurityDocument(Model model, RunInfo run, List<RuleInfo> rules) {
    this.model = model;
    this.run = run;
    this.rules = rules;
  }

  public String render() {
    StringBuilder md = new StringBuilder("# Findings\n\n");
    md.append("_InfraDoc ").append(text(model.generatedBy().version())).append(", ").append(text(run.summary())).append("._\n\n");
    md.append("Each finding comes from a rule run over the model, names the components and values involved, and cites the "
        + "evidence (`file:line` or `command#line`). Rules can be turned off, re-rated or findings accepted in `.infradoc.yml`.\n\n");
    md.append(Markdown.header("Severity", "Open", "Accepted"));
    for (Severity s : Severity.values()) {
      long open = model.findings().stream().filter(f -> f.severity() == s && !f.isAccepted()).count();
      long accepted = model.findings().stream().filter(f -> f.severity() == s && f.isAccepted()).count();
      md.append(Markdown.row(s.id(), String.valueOf(open), String.valueOf(accepted)));
    }
    md.append("\n");
    if (model.findings().isEmpty()) md.append("No rule found anything in this model.\n\n");
    for (Severity s : Severity.values()) {
      List<Finding> found = model.findings().stream().filter(f -> f.severity() == s).toList();
      if (found.isEmpty()) continue;
      md.append("## ").append(capital(s.id())).append(" (").append(found.size()).append(")\n\n");
      FindingGroups.render(md, found, f -> finding(md, f), g -> grouped(md, g));
    }
    md.append("## Rules\n\n").append(Markdown.header("Rule", "Default severity", "Looks for", "Findings"));
    for (RuleInfo r : rules) {
      long n = model.findings().stream().filter(f -> f.rule().equals(r.id())).count();
      md.append(Markdown.row("`" + r.id() + "`", r.severity().id(), text(r.summary()), String.valueOf(n)));
    }
    md.append("\n");
    return md.toString();
  }

  private static void finding(StringBuilder md, Finding f) {
    md.append("<a id=\"").append(Markdown.anchor(f.id())).append("\"></a>\n");
    md.append("### ").append(text(f.title())).append(f.isAccepted() ? " (accepted)" : "").append("\n\n");
    md.append("- Rule: `").append(f.rule()).append("`\n");
    if (!f.components().isEmpty()) {
      md.append("- Components: ").append(String.join(", ", f.components().stream().map(c -> "`" + c.replace("`", "'") + "`").toList())).append("\n");
    }
    md.append("- Detail: ").append(text(f.detail())).append("\n");
    md.append("- Evidence:\n");
    if (f.evidence().isEmpty()) md.append("  - none recorded\n");
    for (Evidence e : f.evidence()) {
      md.append("  - `").append(e.locator().replace("`", "'")).append("`");
      if (!e.excerpt().isEmpty()) md.append(": ").append(text(e.excerpt()));
      md.append(" (").append(text(e.source())).append(")\n");
    }
    md.append("- Recommendation: ").append(text(f.recommendation())).append("\n");
    if (f.isAccepted()) md.append("- Accepted: ").append(text(f.accepted())).append("\n");
    md.append("\n");
  }

  /** One rule's many findings: the shared sentences once, then each component with its evidence (and its own sentences where they differ). */
  private void grouped(StringBuilder md, List<Finding> g) {
    View view = View.of(model);
    FindingGroups.table(md, g, view::component, title -> title, "`" + g.get(0).rule() + "`",
        f -> String.join(", ", f.components().stream().map(c -> "`" + c.replace("`", "'").replace("|", "\\|") + "`").toList()),
        f -> evidence(f.evidence()));
  }

  /** Every piece of a finding's evidence in one table cell: where, what it says, and from which source. */
  private static String evidence(List<Evidence> all) {
    if (all.isEmpty()) return "none recorded";
    List<String> parts = new ArrayList<>();
    for (Evidence e : all) {
      parts.add("`" + e.locator().replace("`", "'").replace("|", "\\|") + "`" + (e.excerpt().isEmpty() ? "" : ": " + text(e.excerpt()))
          + " (" + text(e.source()) + ")");
    }
    return String.join("<br>", parts);
  }

  private static String capital(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
