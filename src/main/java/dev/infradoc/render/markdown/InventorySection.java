package dev.infradoc.render.markdown;

import static dev.infradoc.render.markdown.Markdown.text;

import dev.infradoc.model.Component;
import dev.infradoc.model.Listen;
import dev.infradoc.render.View;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Component inventory grouped by role: edge, application, data, platform/system, external, unclassified. */
final class InventorySection {
  private final View view;

  InventorySection(View view) {
    this.view = view;
  }

  void render(StringBuilder md) {
    md.append("## Component inventory\n\n");
    if (view.model().components().isEmpty()) {
      md.append("No components were observed or declared.\n\n");
      return;
    }
    for (Map.Entry<String, List<Component>> group : view.byRole().entrySet()) {
      if (group.getKey().equals("external")) continue;
      md.append("### ").append(View.ROLE_TITLES.get(group.getKey())).append("\n\n");
      if (group.getValue().isEmpty()) {
        md.append("None observed.\n\n");
        continue;
      }
      boolean unclassified = group.getKey().equals("unclassified");
      md.append(Markdown.header("Component", "Kind", "Technology", "Version", "Host", "Instances", "Listens",
          "Runs as", "Managed by", unclassified ? "Command line" : "Evidence"));
      for (Component c : group.getValue()) {
        md.append(Markdown.row(text(c.name()), c.kind().id(), text(or(c.technology(), "unknown")),
            text(or(c.version(), "not observed")), text(c.host().replaceFirst("^host:", "")), instances(c),
            listens(c.listens()), text(or(c.runsAs(), "not observed")), text(or(c.managedBy(), "not observed")),
            unclassified ? text(c.attribute("commandLine")) : Markdown.evidence(c.evidence(), 2)));
      }
      md.append("\n");
    }
  }

  static String instances(Component c) {
    String workers = c.attribute("workers");
    String base = String.valueOf(c.instances());
    if (!workers.isEmpty()) base += " (" + workers + " workers" + (c.attribute("workersRunAs").isEmpty() ? ""
        : " as " + text(c.attribute("workersRunAs"))) + ")";
    return base;
  }

  static String listens(List<Listen> listens) {
    if (listens.isEmpty()) return "none";
    return text(listens.stream().map(l -> l.address() + ":" + l.port() + "/" + l.protocol()).distinct()
        .collect(Collectors.joining(", ")));
  }

  static String or(String s, String fallback) {
    return s == null || s.isEmpty() ? fallback : s;
  }
}
