package dev.infradoc.render.markdown;

import static dev.infradoc.render.markdown.Markdown.text;

import dev.infradoc.model.Finding;
import dev.infradoc.render.View;
import java.util.List;

/** Security posture, availability and recovery summaries, recommendations tied to findings, and the findings themselves. */
final class FindingsSection {
  private final View view;

  FindingsSection(View view) {
    this.view = view;
  }

  void render(StringBuilder md) {
    summary(md, "Security posture", "security.", "No security finding: no data store listening beyond loopback, no serving process as root, no password SSH login in sshd_config was observed.");
    summary(md, "Availability and recovery", "availability.", null);
    List<Finding> recovery = byPrefix("recovery.");
    if (!recovery.isEmpty()) {
      md.append("Recovery:\n\n");
      recovery.forEach(f -> md.append("- ").append(link(f)).append("\n"));
      md.append("\n");
    }
    if (byPrefix("availability.").isEmpty() && recovery.isEmpty()) {
      md.append("No availability or recovery finding. No recovery objective (RTO/RPO) is stated because nothing declares one.\n\n");
    } else {
      md.append("No recovery objective (RTO/RPO) is stated because nothing declares one.\n\n");
    }
    md.append("## Recommendations\n\n");
    if (view.model().findings().isEmpty()) {
      md.append("None: recommendations are made only from findings, and there are none.\n\n");
    } else {
      int n = 1;
      for (Finding f : view.model().findings()) {
        md.append(n++).append(". ").append(text(f.recommendation())).append(" (").append(f.severity().id())
            .append(", from [").append(text(f.title())).append("](#").append(Markdown.anchor(f.id())).append("))\n");
      }
      md.append("\n");
    }
    md.append("## Findings\n\n");
    if (view.model().findings().isEmpty()) {
      md.append("None.\n\n");
      return;
    }
    for (Finding f : view.model().findings()) {
      md.append("<a id=\"").append(Markdown.anchor(f.id())).append("\"></a>\n");
      md.append("### ").append(f.severity().id().toUpperCase()).append(": ").append(text(f.title())).append("\n\n");
      md.append("- Rule: ").append(text(f.rule())).append("\n");
      md.append("- Detail: ").append(text(f.detail())).append("\n");
      md.append("- Evidence: ").append(Markdown.evidence(f.evidence(), 3).replace("<br>", "; ")).append("\n");
      md.append("- Recommendation: ").append(text(f.recommendation())).append("\n\n");
    }
  }

  private void summary(StringBuilder md, String title, String prefix, String none) {
    md.append("## ").append(title).append("\n\n");
    List<Finding> found = byPrefix(prefix);
    if (found.isEmpty()) {
      if (none != null) md.append(none).append("\n\n");
      return;
    }
    found.forEach(f -> md.append("- ").append(link(f)).append("\n"));
    md.append("\n");
  }

  private List<Finding> byPrefix(String prefix) {
    return view.model().findings().stream().filter(f -> f.rule().startsWith(prefix)).toList();
  }

  private static String link(Finding f) {
    return "**" + f.severity().id() + "**: [" + text(f.title()) + "](#" + Markdown.anchor(f.id()) + ")";
  }
}
