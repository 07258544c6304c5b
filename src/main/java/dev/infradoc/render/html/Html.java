package dev.infradoc.render.html;

/**
 * The one escaping function of the HTML site, for text and for quoted attribute values alike.
 * Text from targets is hostile: after {@link #escape} it can neither open an element nor leave an
 * attribute, and control or direction-changing characters cannot make it read differently.
 */
public final class Html {
  private Html() {}

  public static String escape(String s) {
    if (s == null || s.isEmpty()) return "";
    StringBuilder out = new StringBuilder(s.length() + 16);
    s.codePoints().forEach(cp -> {
      switch (cp) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        case '\n', '\t' -> out.append((char) cp);
        default -> {
          if (invisible(cp)) {
            // shown, not obeyed: a U+202E in a process name must not reverse what follows it
            out.append("[U+").append(String.format("%04X", cp)).append(']');
          } else {
            out.appendCodePoint(cp);
          }
        }
      }
    });
    return out.toString();
  }

  private static boolean invisible(int cp) {
    return Character.isISOControl(cp)
        || (cp >= 0x200B && cp <= 0x200F) // zero-width characters, LRM/RLM
        || (cp >= 0x202A && cp <= 0x202E) // bidi embeddings and overrides
        || (cp >= 0x2066 && cp <= 0x2069) // bidi isolates
        || cp == 0xFEFF;
  }
}
