package dev.infradoc.render.markdown;

import dev.infradoc.model.Component;
import dev.infradoc.model.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Findings of one rule (at one severity) that fire for many components read as one: a rule that
 * matched {@value #GROUP_AT} or more components gets one heading, its shared explanation and
 * recommendation once, and a table of the components with each one's evidence. Fewer stay one
 * finding each, as a small system reads best.
 */
public final class FindingGroups {
  /** From this many findings of one rule on, they are grouped. */
  public static final int GROUP_AT = 4;
  /** What stands for each component's name in a shared sentence. */
  public static final String PLACEHOLDER = "<component>";

  private FindingGroups() {}

  /** The findings in order, those of a rule that fired often as one list, each other finding as a list of one. */
  public static List<List<Finding>> of(List<Finding> findings) {
    Map<String, List<Finding>> byRule = new LinkedHashMap<>();
    for (Finding f : findings) byRule.computeIfAbsent(f.rule() + "\u0000" + f.severity(), k -> new ArrayList<>()).add(f);
    List<List<Finding>> out = new ArrayList<>();
    for (List<Finding> same : byRule.values()) {
      if (same.size() >= GROUP_AT) out.add(List.copyOf(same));
      else same.forEach(f -> out.add(List.of(f)));
    }
    return out;
  }

  /** The heading anchor of a group, so summaries can link to it. */
  public static String anchor(List<Finding> group) {
    Finding f = group.get(0);
    return "findings-" + (f.rule() + "-" + f.severity().id()).toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
  }

  /**
   * A sentence every finding of the group says, each about its own component: the text with the
   * component's name replaced by {@value #PLACEHOLDER}, escaped for Markdown with the placeholder
   * as code. Null when the findings do not all say the same (their own sentences are then shown).
   */
  public static String shared(List<Finding> group, Function<Finding, String> field, Function<String, Component> components) {
    String template = null;
    for (Finding f : group) {
      if (f.components().isEmpty()) return null;
      Component c = components.apply(f.components().get(0));
      String text = field.apply(f);
      if (c == null || c.name().isEmpty() || !text.contains(c.name())) return null;
      String own = text.replace(c.name(), "\u0000");
      if (template == null) template = own;
      else if (!template.equals(own)) return null;
    }
    if (template == null) return null;
    String[] parts = template.split("\u0000", -1);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) sb.append("`").append(PLACEHOLDER).append("`");
      sb.append(Markdown.text(parts[i]));
    }
    return sb.toString();
  }

  /** The name of a finding's first component, else its title. */
  public static String subject(Finding f, Function<String, Component> components) {
    Component c = f.components().isEmpty() ? null : components.apply(f.components().get(0));
    return c == null ? f.title() : c.name();
  }

  /**
   * One rule's many findings: the heading (its anchor for summaries), the shared sentences once,
   * then a table of each finding's component and evidence, with its own sentences where they
   * differ. {@code heading} is the title as the document words it ("HIGH: ..."), {@code rule} the
   * rule id as the document shows it, {@code subject} and {@code evidence} each finding's cells.
   */
  public static void table(StringBuilder md, List<Finding> group, Function<String, Component> components,
      Function<String, String> heading, String rule, Function<Finding, String> subject, Function<Finding, String> evidence) {
    Finding first = group.get(0);
    String title = shared(group, Finding::title, components);
    String detail = shared(group, Finding::detail, components);
    String recommendation = shared(group, Finding::recommendation, components);
    long accepted = group.stream().filter(Finding::isAccepted).count();
    md.append("<a id=\"").append(anchor(group)).append("\"></a>\n");
    md.append("### ").append(heading.apply(title != null ? title : Markdown.text(first.rule()))).append(" (").append(group.size())
        .append(" findings").append(accepted > 0 ? ", " + accepted + " accepted" : "").append(")\n\n");
    md.append("- Rule: ").append(rule).append("\n");
    if (detail != null) md.append("- Detail, for each: ").append(detail).append("\n");
    if (recommendation != null) md.append("- Recommendation, for each: ").append(recommendation).append("\n");
    md.append("\n");
    List<String> columns = new ArrayList<>(List.of("Component", "Evidence"));
    if (detail == null) columns.add("Detail");
    if (recommendation == null) columns.add("Recommendation");
    if (accepted > 0) columns.add("Accepted");
    md.append(Markdown.header(columns.toArray(String[]::new)));
    for (Finding f : group) {
      List<String> cells = new ArrayList<>(List.of("<a id=\"" + Markdown.anchor(f.id()) + "\"></a>" + subject.apply(f), evidence.apply(f)));
      if (detail == null) cells.add(Markdown.text(f.detail()));
      if (recommendation == null) cells.add(Markdown.text(f.recommendation()));
      if (accepted > 0) cells.add(f.isAccepted() ? Markdown.text(f.accepted()) : "no");
      md.append(Markdown.row(cells.toArray(String[]::new)));
    }
    md.append("\n");
  }

  /**
   * Findings in order: each alone, or a rule that fired often as one group, with a sentence
   * saying how groups read when there is one.
   */
  public static void render(StringBuilder md, List<Finding> findings, java.util.function.Consumer<Finding> alone,
      java.util.function.Consumer<List<Finding>> grouped) {
    List<List<Finding>> groups = of(findings);
    if (groups.stream().anyMatch(g -> g.size() > 1)) {
      md.append("A rule that matched ").append(GROUP_AT).append(" or more components has one heading: what it found "
          + "and what to do are said once, with `").append(PLACEHOLDER).append("` for each component's name, "
          + "followed by a table of the components with each one's evidence.\n\n");
    }
    for (List<Finding> g : groups) {
      if (g.size() == 1) alone.accept(g.get(0));
      else grouped.accept(g);
    }
  }
}
