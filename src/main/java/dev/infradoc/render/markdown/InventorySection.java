package dev.infradoc.render.markdown;

import static dev.infradoc.render.markdown.Markdown.text;

import dev.infradoc.model.Component;
import dev.infradoc.model.Listen;
import dev.infradoc.render.View;
import dev.infradoc.render.ShapeGroups;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Component inventory grouped by role: edge, application, data, platform/system, external,
 * unclassified. A role that declares more than {@value #COLLAPSE_ABOVE} resources lists those that
 * differ only by count/for_each index or number (ShapeGroups) as one row with their count, the
 * settings they all share, and which settings differ; model.json keeps each one.
 */
final class InventorySection {
  static final int COLLAPSE_ABOVE = 60;
  private static final int MAX_DIFFERING = 4;

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
      if (declared.size() > COLLAPSE_ABOVE) collapsedTable(md, declared);
      else if (!declared.isEmpty()) declaredTable(md, declared);
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
          listens(c.listens()), declaredIn(c), settings(c), Markdown.evidence(c.evidence(), 2)));
    }
    md.append("\n");
  }

  /** Many declared resources: those that differ only by index or number are one row, with their count. */
  private void collapsedTable(StringBuilder md, List<Component> components) {
    List<ShapeGroups.Group> groups = ShapeGroups.of(components).groups();
    md.append(components.size()).append(" resources in ").append(groups.size()).append(" rows: resources that differ only by "
        + "count/for_each index or number (module.svc[00..19], aws_subnet.private[0..2]) are one row with their count, the "
        + "settings they all share, and the names of the settings that differ between them; each resource is in model.json.\n\n");
    md.append(Markdown.header("Component", "Kind", "Technology", "Version", "Instances", "Ports", "Declared in",
        "Key settings", "Evidence"));
    for (ShapeGroups.Group g : groups) {
      Component c = g.first();
      if (g.size() == 1) {
        md.append(Markdown.row(text(c.name()), c.kind().id(), text(or(c.technology(), "unknown")),
            text(or(c.version(), "not stated")), c.instances() == 0 ? "not stated" : instances(c),
            listens(c.listens()), declaredIn(c), settings(c), Markdown.evidence(c.evidence(), 2)));
        continue;
      }
      Set<String> versions = new TreeSet<>();
      int instances = 0;
      int evidence = 0;
      for (Component m : g.members()) {
        versions.add(m.version());
        instances += m.instances();
        evidence += m.evidence().size();
      }
      String version = versions.size() == 1 ? text(or(versions.iterator().next(), "not stated")) : versions.size() + " versions (model.json)";
      List<String> ports = g.members().stream().map(m -> listens(m.listens())).distinct().toList();
      md.append(Markdown.row(text(g.name()) + " (x" + g.size() + ")", c.kind().id(), text(or(c.technology(), "unknown")), version,
          String.valueOf(instances), ports.size() == 1 ? ports.get(0) : "differ (model.json)",
          declaredIn(c) + " (first of " + g.size() + ")", shared(g.members()),
          Markdown.evidence(c.evidence(), 2) + "<br>(the other " + (g.size() - 1) + ": " + (evidence - c.evidence().size()) + " more in model.json)"));
    }
    md.append("\n");
  }

  /** The settings every member has with the same value, then the names of those that differ. */
  private static String shared(List<Component> members) {
    Map<String, String> same = new TreeMap<>(members.get(0).attributes());
    Set<String> differ = new TreeSet<>();
    for (Component m : members) {
      for (Map.Entry<String, String> e : m.attributes().entrySet()) {
        if (!e.getValue().equals(same.get(e.getKey()))) differ.add(e.getKey());
      }
      for (String k : members.get(0).attributes().keySet()) if (!m.attributes().containsKey(k)) differ.add(k);
    }
    differ.forEach(same::remove);
    same.remove("commandLine");
    // The type is the technology column and the address the component column.
    same.keySet().removeIf(k -> k.startsWith("terraform."));
    differ.removeIf(k -> k.startsWith("terraform."));
    same.values().removeIf(String::isEmpty);
    List<String> parts = same.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList();
    String shown = parts.isEmpty() ? "none shared" : text(String.join("; ", parts.subList(0, Math.min(MAX_SETTINGS, parts.size()))))
        + (parts.size() > MAX_SETTINGS ? " (+" + (parts.size() - MAX_SETTINGS) + " more shared in model.json)" : "");
    if (differ.isEmpty()) return shown;
    List<String> names = List.copyOf(differ);
    return shown + "; differ: " + text(String.join(", ", names.subList(0, Math.min(MAX_DIFFERING, names.size()))))
        + (names.size() > MAX_DIFFERING ? " (+" + (names.size() - MAX_DIFFERING) + " more in model.json)" : "");
  }

  /** Where a declared component is written: the first file:line of its evidence (whatever its order), else its source. */
  private String declaredIn(Component c) {
    for (dev.infradoc.model.Evidence e : c.evidence()) {
      String at = e.locator();
      if (!at.contains("#") && at.matches(".+:\\d+")) {
        return text(at) + (view.model().sources().size() > 1 ? " (" + text(c.source()) + ")" : "");
      }
    }
    return text(c.source());
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
