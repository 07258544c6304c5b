package dev.infradoc.render.markdown;

import static dev.infradoc.render.markdown.Markdown.text;

import dev.infradoc.model.Finding;
import dev.infradoc.render.View;
import java.util.List;

/**
 * Security posture, availability and recovery summaries, recommendations (each links the finding it
 * comes from; accepted findings give none), and the findings themselves. Full detail: security.md.
 */
final class FindingsSection {
  private static final List<String> SECURITY = List.of("security.", "encryption.", "identity.", "secrets.", "hygiene.");

  private final View view;

  FindingsSection(View view) {
    this.view = view;
  }

  void render(StringBuilder md) {
    md.append("## Security posture\n\n");
    List<Finding> security = byPrefix(SECURITY);
    if (security.isEmpty()) {
      md.append("No security finding: no exposure, encryption, identity, secret or host-hygiene rule matched what was scanned.\n\n");
    } else {
      md.append(counts(security)).append(" Details and evidence: security.md.\n\n");
      FindingGroups.of(security).forEach(g -> md.append("- ").append(link(g)).append("\n"));
      md.append("\n");
    }
    md.append("## Availability and recovery\n\n");
    List<Finding> availability = byPrefix(List.of("availability."));
    List<Finding> recovery = byPrefix(List.of("recovery."));
    List<Finding> scale = byPrefix(List.of("scale."));
    List<Finding> drift = byPrefix(List.of("drift."));
    if (availability.isEmpty() && recovery.isEmpty() && scale.isEmpty()) {
      md.append("No availability, recovery or scale finding.\n\n");
    }
    group(md, "Availability", availability);
    group(md, "Recovery", recovery);
    group(md, "Scale", scale);
    group(md, "Declared versus running", drift);
    boolean rpo = recovery.stream().anyMatch(f -> f.rule().equals("recovery.rpo.implied"));
    md.append(rpo ? "Recovery points above are stated only where the configuration implies them, with the reasoning in each finding. "
        + "No recovery time (RTO) is stated: nothing declares one.\n\n"
        : "No recovery objective (RTO/RPO) is stated because nothing in the configuration implies one.\n\n");
    md.append("## Recommendations\n\n");
    List<Finding> open = view.model().findings().stream().filter(f -> !f.isAccepted()).toList();
    if (open.isEmpty()) {
      md.append(view.model().findings().isEmpty() ? "None: recommendations are made only from findings, and there are none.\n\n"
          : "None: every finding has been accepted (see Findings).\n\n");
    } else {
      int n = 1;
      for (List<Finding> g : FindingGroups.of(open)) {
        Finding f = g.get(0);
        if (g.size() == 1) {
          md.append(n++).append(". ").append(text(f.recommendation())).append(" (").append(f.severity().id())
              .append(", from [").append(text(f.title())).append("](#").append(Markdown.anchor(f.id())).append("))\n");
          continue;
        }
        String shared = FindingGroups.shared(g, Finding::recommendation, view::component);
        md.append(n++).append(". ").append(shared != null ? shared : "One recommendation for each of the " + g.size() + " components")
            .append(" (").append(f.severity().id()).append(", for ").append(g.size()).append(" components, from ")
            .append(groupLink(g)).append(")\n");
      }
      md.append("\n");
    }
    md.append("## Findings\n\n");
    if (view.model().findings().isEmpty()) {
      md.append("None.\n\n");
      return;
    }
    FindingGroups.render(md, view.model().findings(), f -> finding(md, f), g -> grouped(md, g));
  }

  private static void finding(StringBuilder md, Finding f) {
    md.append("<a id=\"").append(Markdown.anchor(f.id())).append("\"></a>\n");
    md.append("### ").append(f.severity().id().toUpperCase()).append(": ").append(text(f.title()))
        .append(f.isAccepted() ? " (accepted)" : "").append("\n\n");
    md.append("- Rule: ").append(text(f.rule())).append("\n");
    md.append("- Detail: ").append(text(f.detail())).append("\n");
    md.append("- Evidence: ").append(f.evidence().isEmpty() ? "none recorded" : Markdown.evidence(f.evidence(), 3).replace("<br>", "; ")).append("\n");
    md.append("- Recommendation: ").append(text(f.recommendation())).append("\n");
    if (f.isAccepted()) md.append("- Accepted: ").append(text(f.accepted())).append("\n");
    md.append("\n");
  }

  /** One rule's many findings: the shared sentences once, then each component with its evidence (and its own sentences where they differ). */
  private void grouped(StringBuilder md, List<Finding> g) {
    String severity = g.get(0).severity().id().toUpperCase();
    FindingGroups.table(md, g, view::component, title -> severity + ": " + title, text(g.get(0).rule()),
        f -> text(FindingGroups.subject(f, view::component)), f -> Markdown.evidence(f.evidence(), 3));
  }

  private void group(StringBuilder md, String title, List<Finding> found) {
    if (found.isEmpty()) return;
    md.append(title).append(":\n\n");
    FindingGroups.of(found).forEach(g -> md.append("- ").append(link(g)).append("\n"));
    md.append("\n");
  }

  private static String counts(List<Finding> found) {
    StringBuilder sb = new StringBuilder();
    for (dev.infradoc.model.Severity s : dev.infradoc.model.Severity.values()) {
      long n = found.stream().filter(f -> f.severity() == s).count();
      if (n > 0) sb.append(sb.length() == 0 ? "" : ", ").append(n).append(" ").append(s.id());
    }
    long accepted = found.stream().filter(Finding::isAccepted).count();
    return sb + (accepted > 0 ? " (" + accepted + " accepted)." : ".");
  }

  private List<Finding> byPrefix(List<String> prefixes) {
    return view.model().findings().stream().filter(f -> prefixes.stream().anyMatch(p -> f.rule().startsWith(p))).toList();
  }

  /** A finding's link, or a group's: its severity, count and shared title, linked to its heading. */
  private String link(List<Finding> g) {
    if (g.size() == 1) return link(g.get(0));
    long accepted = g.stream().filter(Finding::isAccepted).count();
    return "**" + g.get(0).severity().id() + "**: " + groupLink(g) + (accepted > 0 ? " (" + accepted + " accepted)" : "");
  }

  private String groupLink(List<Finding> g) {
    String title = FindingGroups.shared(g, Finding::title, view::component);
    return "[" + g.size() + " findings of " + text(g.get(0).rule()) + (title == null ? "" : ": " + title) + "](#" + FindingGroups.anchor(g) + ")";
  }

  private static String link(Finding f) {
    return "**" + f.severity().id() + "**: [" + text(f.title()) + "](#" + Markdown.anchor(f.id()) + ")" + (f.isAccepted() ? " (accepted)" : "");
  }
}
