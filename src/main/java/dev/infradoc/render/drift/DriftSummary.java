package dev.infradoc.render.drift;

import dev.infradoc.analyze.drift.Change;
import dev.infradoc.analyze.drift.Change.Difference;
import dev.infradoc.analyze.drift.Change.Kind;
import dev.infradoc.analyze.drift.Change.Subject;
import dev.infradoc.analyze.drift.Drift;
import java.util.ArrayList;
import java.util.List;

/** The short plain-text summary of a drift for a terminal or a cron mail; text from targets is made inert. */
public final class DriftSummary {
  private DriftSummary() {}

  /** "1 component removed, 1 changed; 3 dependencies removed; 1 finding fixed", or "no drift". */
  public static String headline(Drift drift) {
    List<String> parts = new ArrayList<>();
    part(parts, drift, Subject.SOURCE, "source", "sources");
    part(parts, drift, Subject.HOST, "host", "hosts");
    part(parts, drift, Subject.COMPONENT, "component", "components");
    part(parts, drift, Subject.DEPENDENCY, "dependency", "dependencies");
    part(parts, drift, Subject.FINDING, "finding", "findings");
    return parts.isEmpty() ? "No drift" : String.join("; ", parts);
  }

  private static void part(List<String> parts, Drift drift, Subject subject, String one, String many) {
    List<String> kinds = new ArrayList<>();
    boolean finding = subject == Subject.FINDING;
    for (Kind k : Kind.values()) {
      long n = drift.count(subject, k);
      if (n == 0) continue;
      String word = switch (k) {
        case ADDED -> finding ? "new" : "added";
        case REMOVED -> finding ? "fixed" : "removed";
        case CHANGED -> "changed";
        case NOT_COLLECTED -> "not collected";
      };
      kinds.add((kinds.isEmpty() ? n + " " + (n == 1 ? one : many) : String.valueOf(n)) + " " + word);
    }
    if (!kinds.isEmpty()) parts.add(String.join(", ", kinds));
  }

  /** One line per change ({@code + - ~ ?} then subject and id), at most {@code max}, then how many more. */
  public static List<String> lines(Drift drift, int max) {
    List<String> out = new ArrayList<>();
    for (Change c : drift.changes()) {
      if (out.size() == max) {
        out.add("(+" + (drift.changes().size() - max) + " more in drift.md)");
        break;
      }
      String mark = switch (c.kind()) {
        case ADDED -> "+";
        case REMOVED -> "-";
        case CHANGED -> "~";
        case NOT_COLLECTED -> "?";
      };
      StringBuilder sb = new StringBuilder(mark).append(' ').append(c.subject().name().toLowerCase()).append(' ')
          .append(inert(c.id()));
      List<String> ds = new ArrayList<>();
      for (Difference d : c.differences()) ds.add(inert(d.what()) + " " + inert(d.before()) + " -> " + inert(d.after()));
      if (!ds.isEmpty()) sb.append(": ").append(String.join(", ", ds));
      out.add(sb.toString());
    }
    return out;
  }

  /** Control characters (terminal escape sequences among them) become '?'; long values are cut. */
  static String inert(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length() && i < 200; i++) {
      char ch = s.charAt(i);
      sb.append(ch < 0x20 || ch == 0x7f || (ch >= 0x80 && ch < 0xa0) ? '?' : ch);
    }
    if (s.length() > 200) sb.append("...");
    return sb.toString();
  }
}
