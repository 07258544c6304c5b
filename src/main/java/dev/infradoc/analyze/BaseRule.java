package dev.infradoc.analyze;

import dev.infradoc.model.Component;
import dev.infradoc.model.Evidence;
import dev.infradoc.model.Finding;
import dev.infradoc.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** What every rule shares: its id, severity and summary, building its findings, and reading attribute values. */
public abstract class BaseRule implements Rule {
  private final String id;
  private final Severity severity;
  private final String summary;

  protected BaseRule(String id, Severity severity, String summary) {
    this.id = id;
    this.severity = severity;
    this.summary = summary;
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final Severity severity() {
    return severity;
  }

  @Override
  public final String summary() {
    return summary;
  }

  /** A finding of this rule about {@code subject} (usually a component id), which makes the finding id stable. */
  protected Finding finding(String subject, String title, String detail, List<String> components,
      List<Evidence> evidence, String recommendation) {
    return finding(subject, severity, title, detail, components, evidence, recommendation);
  }

  protected Finding finding(String subject, Severity s, String title, String detail, List<String> components,
      List<Evidence> evidence, String recommendation) {
    return new Finding(id + ":" + subject, id, s, title, detail, components, evidence, recommendation);
  }

  /** "db01" for "host:db01". */
  protected static String hostName(Component c) {
    return c.host().replaceFirst("^host:", "");
  }

  /** The value as written, lower-cased, or "" when the attribute is absent. */
  protected static String value(Component c, String attribute) {
    return c.attribute(attribute).strip().toLowerCase(Locale.ROOT);
  }

  protected static boolean isTrue(Component c, String attribute) {
    return value(c, attribute).equals("true");
  }

  protected static boolean isFalse(Component c, String attribute) {
    return value(c, attribute).equals("false");
  }

  /** The integer written, or {@code absent} when the attribute is missing or not a literal number. */
  protected static int integer(Component c, String attribute, int absent) {
    try {
      return Integer.parseInt(c.attribute(attribute).strip());
    } catch (NumberFormatException e) {
      return absent;
    }
  }

  /** True when the attribute holds a literal value (not a reference or expression left unresolved). */
  protected static boolean literal(Component c, String attribute) {
    String v = c.attribute(attribute).strip();
    return v.matches("true|false|-?\\d+(\\.\\d+)?|\"?[A-Za-z0-9_.:/\\-]+\"?") && !v.matches("(var|local|module|data|aws_[a-z0-9_]+)\\..*");
  }

  /** The evidence lines that set one of these attributes (last path segment), else the resource's first line, else all. */
  protected static List<Evidence> evidenceFor(Component c, String... attributes) {
    List<Evidence> picked = new ArrayList<>();
    for (String a : attributes) {
      String key = a.substring(a.lastIndexOf('.') + 1);
      Pattern p = Pattern.compile("^\\s*\"?" + Pattern.quote(key) + "\"?\\s*[=:]");
      for (Evidence e : c.evidence()) if (p.matcher(e.excerpt()).find() && !picked.contains(e)) picked.add(e);
    }
    return picked.isEmpty() ? declaration(c) : picked;
  }

  /** The line that declares the component (a resource/module block head, a process line), else all its evidence. */
  protected static List<Evidence> declaration(Component c) {
    List<Evidence> head = c.evidence().stream()
        .filter(e -> e.excerpt().startsWith("resource \"") || e.excerpt().startsWith("module \"")).toList();
    if (!head.isEmpty()) return head;
    return c.evidence().size() <= 3 ? c.evidence() : c.evidence().subList(0, 3);
  }

  /** "the attribute is false" or "the attribute is not set" - the two are different findings in wording. */
  protected static String stated(Component c, String attribute, String defaultMeaning) {
    String v = c.attribute(attribute);
    return v.isEmpty() ? attribute + " is not set (" + defaultMeaning + ")" : attribute + " = " + v;
  }
}
