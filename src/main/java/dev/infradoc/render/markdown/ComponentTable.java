package dev.infradoc.render.markdown;

import static dev.infradoc.render.markdown.Markdown.text;

import dev.infradoc.model.Component;
import dev.infradoc.render.ShapeGroups;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A table of one row per component whose last column is evidence. Above
 * {@value InventorySection#COLLAPSE_ABOVE} rows, components that differ only by count/for_each
 * index or number (ShapeGroups) are one row with their count: a cell they all share is shown as
 * it is, a cell that differs only in its numbers shows each number's range (2..4), any other
 * difference is counted; the first one's evidence is shown and each one is in model.json.
 */
final class ComponentTable {
  private static final Pattern NUMBER = Pattern.compile("\\d+");
  private final String[] header;
  private final List<Component> components = new ArrayList<>();
  private final Map<Component, String[]> rows = new IdentityHashMap<>();

  ComponentTable(String... header) {
    this.header = header;
  }

  /** A row: cells already escaped, the first naming the component, the last its evidence. */
  void add(Component c, String... cells) {
    components.add(c);
    rows.put(c, cells);
  }

  void render(StringBuilder md) {
    if (components.size() <= InventorySection.COLLAPSE_ABOVE) {
      md.append(Markdown.header(header));
      components.forEach(c -> md.append(Markdown.row(rows.get(c))));
      return;
    }
    List<ShapeGroups.Group> groups = ShapeGroups.of(components).groups();
    md.append(components.size()).append(" components in ").append(groups.size()).append(" rows: resources that differ only by count/for_each "
        + "index or number are one row with their count; a number range (0..7) gives the values a number takes across them, "
        + "and other differences are counted; each one is in model.json.\n\n");
    md.append(Markdown.header(header));
    for (ShapeGroups.Group g : groups) {
      String[] first = rows.get(g.first());
      if (g.size() == 1) {
        md.append(Markdown.row(first));
        continue;
      }
      String[] cells = new String[first.length];
      cells[0] = text(g.name()) + " (x" + g.size() + ")";
      for (int i = 1; i < first.length - 1; i++) {
        List<String> values = new ArrayList<>();
        for (Component m : g.members()) values.add(rows.get(m)[i]);
        cells[i] = merged(values);
      }
      cells[first.length - 1] = first[first.length - 1] + "<br>(the other " + (g.size() - 1) + ": model.json)";
      md.append(Markdown.row(cells));
    }
  }

  /** One cell for many: the shared value, else the value with each number's range, else how many values. */
  static String merged(List<String> values) {
    Set<String> distinct = new LinkedHashSet<>(values);
    if (distinct.size() == 1) return values.get(0);
    Set<String> shapes = new LinkedHashSet<>();
    distinct.forEach(v -> shapes.add(NUMBER.matcher(v).replaceAll("#")));
    if (shapes.size() > 1) return distinct.size() + " values (model.json)";
    List<List<String>> numbers = new ArrayList<>();
    for (String v : distinct) {
      Matcher m = NUMBER.matcher(v);
      for (int i = 0; m.find(); i++) {
        if (numbers.size() <= i) numbers.add(new ArrayList<>());
        numbers.get(i).add(m.group());
      }
    }
    Matcher m = NUMBER.matcher(values.get(0));
    StringBuilder sb = new StringBuilder();
    for (int i = 0; m.find(); i++) m.appendReplacement(sb, ShapeGroups.range(new LinkedHashSet<>(numbers.get(i))));
    m.appendTail(sb);
    return sb.toString();
  }
}
