package dev.infradoc.render.iac;

import dev.infradoc.model.Evidence;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills the segments a data file gives for a column ("min {min_size}") from a resource's facts. A
 * segment is kept only when each of its placeholders has a value: the document never says more than
 * the code states.
 */
public final class Template {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]+)}");

  private Template() {}

  /** The filled text ("" when no segment could be filled) and the evidence of every value used. */
  public record Filled(String text, List<Evidence> evidence) {
    public boolean isEmpty() {
      return text.isEmpty();
    }
  }

  public static Filled fill(List<String> segments, Facts facts) {
    List<String> parts = new ArrayList<>();
    Set<Evidence> evidence = new LinkedHashSet<>();
    for (String segment : segments) {
      Matcher m = PLACEHOLDER.matcher(segment);
      StringBuilder out = new StringBuilder();
      List<Evidence> used = new ArrayList<>();
      boolean complete = true;
      while (m.find()) {
        String value = facts.value(m.group(1));
        if (value.isEmpty()) {
          complete = false;
          break;
        }
        used.addAll(facts.evidence(m.group(1)));
        m.appendReplacement(out, Matcher.quoteReplacement(value));
      }
      if (!complete) continue;
      m.appendTail(out);
      parts.add(out.toString());
      evidence.addAll(used);
    }
    return new Filled(String.join("; ", parts), List.copyOf(evidence));
  }
}
