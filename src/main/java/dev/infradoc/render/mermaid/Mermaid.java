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
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (++n > MAX_LABEL) {
        out.append("...");
        break;
      }
      if (cp < 0x80 && (Character.isLetterOrDigit(cp) || " .,:/_()@+=-".indexOf(cp) >= 0)) {
        out.appendCodePoint(cp);
      } else if (cp < 0x20 || cp == 0x7f || isInvisible(cp)) {
        out.append(' ');
      } else {
        // Whole code points: Mermaid renders #128512; but not a surrogate pair's halves.
        out.append('#').append(cp).append(';');
      }
    }
    String label = out.toString().strip();
    return label.isEmpty() ? "-" : label;
  }

  /** Bidi overrides and zero-width characters would make a label read differently from what it says. */
  private static boolean isInvisible(int cp) {
    return (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) || (cp >= 0x200b && cp <= 0x200f)
        || cp == 0xfeff || (cp >= 0x80 && cp < 0xa0);
  }

  /** A quoted label of several lines. */
  public static String lines(String... parts) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < parts.length; i++) {
      if (parts[i].isBlank()) continue;
      if (sb.length() > 1) sb.append("<br/>");
      sb.append(label(parts[i]));
    }
    if (sb.length() == 1) sb.append('-');
    return sb.append("\"").toString();
  }
}
