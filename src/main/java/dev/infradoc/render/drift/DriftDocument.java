package dev.infradoc.render.drift;

import dev.infradoc.analyze.drift.Change;
import dev.infradoc.analyze.drift.Change.Difference;
import dev.infradoc.analyze.drift.Change.Kind;
import dev.infradoc.analyze.drift.Change.Subject;
import dev.infradoc.analyze.drift.Drift;
import dev.infradoc.model.Evidence;
import dev.infradoc.render.markdown.Markdown;
import java.util.List;

/**
 * drift.md: what changed between two scans, one table row per change, each with the evidence of
 * the newer state (or, for what is gone, where it was last seen). Every value from a model passes
 * through {@link Markdown#text}.
 */
public final class DriftDocument {
  private static final int EVIDENCE = 3;
  private final Drift drift;
  private final String olderName;
  private final String newerName;

  /** {@code olderName}/{@code newerName} say where each model came from (a file or a stored scan). */
  public DriftDocument(Drift drift, String olderName, String newerName) {
    this.drift = drift;
    this.olderName = olderName;
    this.newerName = newerName;
  }

  public String render() {
    StringBuilder sb = new StringBuilder("# Drift\n\n");
    sb.append("Compares ").append(Markdown.text(olderName)).append(" (scanned ").append(Markdown.text(drift.olderAt()))
        .append(") with ").append(Markdown.text(newerName)).append(" (scanned ").append(Markdown.text(drift.newerAt()))
        .append(").\n\n");
    sb.append(DriftSummary.headline(drift)).append(".\n\n");
    section(sb, "Coverage", Subject.SOURCE, "Source");
    section(sb, "Hosts", Subject.HOST, "Host");
    section(sb, "Components", Subject.COMPONENT, "Component");
    section(sb, "Dependencies", Subject.DEPENDENCY, "Dependency");
    section(sb, "Findings", Subject.FINDING, "Finding");
    return sb.toString();
  }

  private void section(StringBuilder sb, String title, Subject subject, String noun) {
    sb.append("## ").append(title).append("\n\n");
    List<Change> changes = drift.of(subject);
    if (changes.isEmpty()) {
      sb.append("No change.\n\n");
      return;
    }
    sb.append(Markdown.header("Change", noun, "What changed", "Evidence"));
    for (Change c : changes) {
      // A dependency's id is its label in another form; other elements show their id and their name.
      boolean edge = subject == Subject.DEPENDENCY;
      String what = switch (c.kind()) {
        case CHANGED -> differences(c.differences());
        case NOT_COLLECTED -> "read by the older scan, not by the newer one: its elements are not compared";
        default -> edge ? "" : Markdown.text(c.label());
      };
      sb.append(Markdown.row(verb(c), Markdown.text(edge ? c.label() : c.id()), what, evidence(c)));
    }
    sb.append("\n");
  }

  private static String verb(Change c) {
    boolean finding = c.subject() == Subject.FINDING;
    return switch (c.kind()) {
      case ADDED -> finding ? "new" : "added";
      case REMOVED -> finding ? "fixed" : "removed";
      case CHANGED -> "changed";
      case NOT_COLLECTED -> "not collected";
    };
  }

  private static String differences(List<Difference> differences) {
    StringBuilder sb = new StringBuilder();
    for (Difference d : differences) {
      if (sb.length() > 0) sb.append("<br>");
      sb.append(Markdown.text(d.what())).append(": ").append(value(d.before())).append(" → ").append(value(d.after()));
    }
    return sb.toString();
  }

  private static String value(String v) {
    return v.isEmpty() ? "(none)" : Markdown.text(v);
  }

  private static String evidence(Change c) {
    if (c.kind() == Kind.NOT_COLLECTED) return "see the newer scan's Coverage section";
    if (c.evidence().isEmpty()) return "none recorded";
    // Locators only: the same line read twice (two excerpts) is one place to look.
    List<Evidence> places = c.evidence().stream().map(e -> Evidence.of(e.source(), e.locator(), "")).distinct().toList();
    String locators = Markdown.evidence(places, EVIDENCE);
    return c.kind() == Kind.REMOVED ? "last seen: " + locators : locators;
  }

}
