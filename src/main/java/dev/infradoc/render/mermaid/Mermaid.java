package dev.infradoc.render.mermaid;

import dev.infradoc.model.Component;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one escaping function for Mermaid, and stable node ids. Labels are always quoted, and every
 * character outside a small safe set becomes a Mermaid entity ({@code #35;}), so target text cannot
 * close a label, start a link or inject markup.
 */
public final class Mermaid {
  private static final int MAX_LABEL = 80;
  private final Map<String, String> ids = new HashMap<>();

  /** Node ids n1, n2, ... assigned in model order (components are sorted by id), so output is stable. */
  public Mermaid(List<Component> components) {
    for (int i = 0; i < components.size(); i++) ids.put(components.get(i).id(), "n" + (i + 1));
  }

  public String id(String componentId) {
    return ids.get(componentId);
  }

  public static String label(String s) {
    StringBuilder out = new StringBuilder();
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (++n > MAX_LABEL) {
        out.append("...");
        break;
      }
      if (Character.isLetterOrDigit(c) && c < 0x80 || " .,:/_()@+=-".indexOf(c) >= 0) {
        out.append(c);
      } else if (c < 0x20 || c == 0x7f) {
        out.append(' ');
      } else {
        out.append("#").append((int) c).append(';');
      }
    }
    return out.toString();
  }

  /** A quoted label of several lines. */
  public static String lines(String... parts) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < parts.length; i++) {
      if (parts[i].isEmpty()) continue;
      if (sb.length() > 1) sb.append("<br/>");
      sb.append(label(parts[i]));
    }
    return sb.append("\"").toString();
  }
}
