package dev.infradoc.render.html;

import java.util.List;

/**
 * Writes HTML elements. Tag and attribute names are constants of this code; every text and
 * attribute value goes through {@link Html#escape}, so no value can change the structure.
 */
final class HtmlOut {
  /** A table cell that links somewhere in the site (href is a relative path built by SitePaths). */
  record Link(String href, String text) {}

  private final StringBuilder out = new StringBuilder(8192);

  /** Opens {@code tag} with attribute name/value pairs; a null value leaves the attribute out. */
  HtmlOut open(String tag, String... attributes) {
    out.append('<').append(tag);
    for (int i = 0; i + 1 < attributes.length; i += 2) {
      if (attributes[i + 1] == null) continue;
      out.append(' ').append(attributes[i]).append("=\"").append(Html.escape(attributes[i + 1])).append('"');
    }
    out.append('>');
    return this;
  }

  HtmlOut close(String tag) {
    out.append("</").append(tag).append(">\n");
    return this;
  }

  HtmlOut text(String s) {
    out.append(Html.escape(s));
    return this;
  }

  /** An element holding only text. */
  HtmlOut el(String tag, String text, String... attributes) {
    open(tag, attributes).text(text);
    out.append("</").append(tag).append('>');
    if (!tag.equals("a") && !tag.equals("code") && !tag.equals("span")) out.append('\n');
    return this;
  }

  HtmlOut link(Link l) {
    return el("a", l.text(), "href", l.href());
  }

  HtmlOut p(String text) {
    return el("p", text);
  }

  /** A table; a cell is a String (text), a Link, a List of Links, or null (empty). */
  HtmlOut table(List<String> headers, List<List<Object>> rows) {
    open("table").open("thead").open("tr");
    headers.forEach(h -> el("th", h));
    close("tr").close("thead").open("tbody");
    for (List<Object> row : rows) {
      open("tr");
      for (Object cell : row) {
        open("td");
        cell(cell);
        out.append("</td>");
      }
      close("tr");
    }
    close("tbody").close("table");
    return this;
  }

  HtmlOut anchoredRow(String id, List<Object> row) {
    open("tr", "id", id);
    for (Object cell : row) {
      open("td");
      cell(cell);
      out.append("</td>");
    }
    return close("tr");
  }

  private void cell(Object cell) {
    if (cell == null) return;
    if (cell instanceof Link l) {
      link(l);
    } else if (cell instanceof List<?> links) {
      boolean first = true;
      for (Object o : links) {
        if (!first) out.append(", ");
        first = false;
        if (o instanceof Link l) link(l);
        else text(String.valueOf(o));
      }
    } else {
      text(String.valueOf(cell));
    }
  }

  /** Writes markup this code produced (the page frame); never called with a value from a target. */
  HtmlOut raw(String markup) {
    out.append(markup);
    return this;
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
