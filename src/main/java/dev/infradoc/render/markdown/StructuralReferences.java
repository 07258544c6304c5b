package dev.infradoc.render.markdown;

import static dev.infradoc.render.markdown.Markdown.text;

import dev.infradoc.model.Dependency;
import dev.infradoc.model.Evidence;
import dev.infradoc.render.View;
import dev.infradoc.render.iac.Structure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Declared references that only wire resources together (route table associations, subnet groups,
 * security group membership...), collapsed to one row per group after the meaningful edges.
 */
final class StructuralReferences {
  private final View view;
  private final Map<String, List<Dependency>> groups = new TreeMap<>();
  private final Structure structure;

  StructuralReferences(View view) {
    this.view = view;
    this.structure = Structure.of(view.model());
    for (Dependency d : view.model().dependencies()) {
      String g = group(d);
      if (g != null) groups.computeIfAbsent(g, k -> new ArrayList<>()).add(d);
    }
  }

  /** The structural group of a declared reference between declared resources, or null. */
  String group(Dependency d) {
    return structure.group(d);
  }

  void render(StringBuilder md) {
    if (groups.isEmpty()) return;
    int total = groups.values().stream().mapToInt(List::size).sum();
    md.append("**Structural references** (").append(total).append(", collapsed; every one is in model.json): ")
        .append("these wire resources together and carry no requests.\n\n");
    md.append(Markdown.header("Group", "References", "Edges", "Evidence"));
    groups.forEach((g, deps) -> {
      String edges = collapse(deps.stream().map(d -> view.label(view.component(d.from())) + " → " + view.label(view.component(d.to())))
          .toList());
      List<Evidence> ev = deps.stream().flatMap(d -> d.evidence().stream().limit(1)).distinct().toList();
      md.append(Markdown.row(text(g), String.valueOf(deps.size()), text(edges), Markdown.evidence(ev, 2)));
    });
    md.append("\n");
  }

  private static final java.util.regex.Pattern INDEX = java.util.regex.Pattern.compile("\\[(\\d+)]");

  /** Repeated instances as one: "a.data[0] → b", "a.data[1] → b" become "a.data[0..1] → b". */
  static String collapse(List<String> edges) {
    Map<String, java.util.TreeSet<Integer>> byShape = new java.util.LinkedHashMap<>();
    for (String e : edges) {
      java.util.regex.Matcher m = INDEX.matcher(e);
      if (m.find()) {
        String shape = e.substring(0, m.start()) + "[#]" + e.substring(m.end());
        byShape.computeIfAbsent(shape, k -> new java.util.TreeSet<>()).add(Integer.parseInt(m.group(1)));
      } else {
        byShape.put(e, null);
      }
    }
    List<String> out = new ArrayList<>();
    byShape.forEach((shape, idx) -> {
      if (idx == null) out.add(shape);
      else out.add(shape.replace("[#]", "[" + (idx.size() > 1 && idx.last() - idx.first() == idx.size() - 1
          ? idx.first() + ".." + idx.last() : idx.stream().map(String::valueOf).collect(Collectors.joining(","))) + "]"));
    });
    return String.join(", ", out);
  }
}
