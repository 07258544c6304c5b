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
      List<Component> hosted = group.getValue().stream().filter(c -> !c.host().isEmpty()).toList();
      List<Component> declared = group.getValue().stream().filter(c -> c.host().isEmpty()).toList();
      if (!hosted.isEmpty()) hostedTable(md, hosted, group.getKey().equals("unclassified"));
      if (!declared.isEmpty()) declaredTable(md, declared);
    }
  }

  private void hostedTable(StringBuilder md, List<Component> components, boolean unclassified) {
    md.append(Markdown.header("Component", "Kind", "Technology", "Version", "Host", "Instances", "Listens",
        "Runs as", "Managed by", unclassified ? "Command line" : "Evidence"));
    for (Component c : components) {
      md.append(Markdown.row(text(c.name()), c.kind().id(), text(or(c.technology(), "unknown")),
          text(or(c.version(), "not observed")), text(c.host().replaceFirst("^host:", "")), instances(c),
          listens(c.listens()), text(or(c.runsAs(), "not observed")), text(or(c.managedBy(), "not observed")),
          unclassified ? text(c.attribute("commandLine")) : Markdown.evidence(c.evidence(), 2)));
    }
    md.append("\n");
  }

  /** Components declared in code or met as endpoints: their settings matter more than processes. */
  private void declaredTable(StringBuilder md, List<Component> components) {
    md.append(Markdown.header("Component", "Kind", "Technology", "Version", "Instances", "Ports", "Declared in",
        "Key settings", "Evidence"));
    for (Component c : components) {
      md.append(Markdown.row(text(c.name()), c.kind().id(), text(or(c.technology(), "unknown")),
          text(or(c.version(), "not stated")), c.instances() == 0 ? "not stated" : instances(c),
          listens(c.listens()), text(c.source()), settings(c), Markdown.evidence(c.evidence(), 2)));
    }
    md.append("\n");
  }

  private static final int MAX_SETTINGS = 6;

  static String settings(Component c) {
    // A Terraform resource's name is its address, which already says its type: no need to repeat them.
    boolean named = c.name().equals(c.attribute("terraform.address"));
    List<String> parts = c.attributes().entrySet().stream()
        .filter(e -> !e.getKey().equals("commandLine") && !e.getValue().isEmpty())
        .filter(e -> !named || !e.getKey().startsWith("terraform."))
        .map(e -> e.getKey() + ": " + e.getValue()).toList();
    if (parts.isEmpty()) return "none";
    String shown = String.join("; ", parts.subList(0, Math.min(MAX_SETTINGS, parts.size())));
    return text(shown) + (parts.size() > MAX_SETTINGS ? " (+" + (parts.size() - MAX_SETTINGS) + " more in model.json)" : "");
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
