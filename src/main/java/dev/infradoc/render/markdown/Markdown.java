package dev.infradoc.render.markdown;

import dev.infradoc.model.Evidence;
import java.util.List;

/**
 * The one escaping function for Markdown. Text from targets (process names, config values, file
 * names) is hostile: it may carry Markdown, HTML, pipes, newlines or control characters. After
 * {@link #text} it is inert in paragraphs and table cells alike.
 */
public final class Markdown {
  private static final int MAX_CELL = 300;

  private Markdown() {}

  public static String text(String s) {
    if (s == null || s.isEmpty()) return "";
    StringBuilder out = new StringBuilder(s.length() + 16);
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      // Cut between code points: half a surrogate pair cannot be written as UTF-8 at all.
      if (++n > MAX_CELL && !Character.isLowSurrogate(c)) {
        out.append("…");
        break;
      }
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '|' -> out.append("\\|");
        case '\n', '\r', '\t' -> out.append(' ');
        case '\\', '`', '*', '_', '[', ']', '~', '$' -> out.append('\\').append(c);
        case '#', '-', '+', '=' -> out.append(i == 0 ? "\\" + c : String.valueOf(c));
        default -> {
          if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029'
              || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || (c >= 0x200b && c <= 0x200f) || c == 0xfeff) {
            out.append('�');
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /** A table row from cells that are already escaped. */
  public static String row(String... cells) {
    return "| " + String.join(" | ", cells) + " |\n";
  }

  public static String header(String... titles) {
    StringBuilder sb = new StringBuilder(row(titles)).append("|");
    for (int i = 0; i < titles.length; i++) sb.append("---|");
    return sb.append("\n").toString();
  }

  /** Evidence locators for a table cell: the first few, then how many more. */
  public static String evidence(List<Evidence> all, int max) {
    if (all.isEmpty()) return "none recorded";
    // Command output (ps, ss) says what runs; show it before the files that describe it.
    List<Evidence> evidence = new java.util.ArrayList<>(all);
    evidence.sort(java.util.Comparator.comparing(e -> e.locator().contains("#") ? 0 : 1));
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < Math.min(max, evidence.size()); i++) {
      if (i > 0) sb.append("<br>");
      sb.append(text(evidence.get(i).locator()));
    }
    if (evidence.size() > max) sb.append("<br>(+").append(evidence.size() - max).append(" more in model.json)");
    return sb.toString();
  }

  /** A GitHub-style heading anchor for a finding id, so recommendations can link to it. */
  public static String anchor(String id) {
    return "finding-" + id.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
  }
}
