package dev.infradoc.render.mermaid;

import dev.infradoc.model.Component;
import dev.infradoc.model.Dependency;
import dev.infradoc.model.Evidence;
import dev.infradoc.model.Model;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Repeated instances drawn as one box, as the dependency table lists them: aws_instance.web[0],
 * [1], [2] (same kind, technology and source) become aws_instance.web[0..2] with x3, and their
 * edges become the box's edges (each once, with all their evidence). Diagrams only; model.json and
 * the tables keep every instance.
 */
final class InstanceCollapse {
  private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]$");

  private InstanceCollapse() {}

  static Model of(Model model) {
    return dev.infradoc.render.Derived.of(model, InstanceCollapse.class, InstanceCollapse::collapse);
  }

  private static Model collapse(Model model) {
    Map<String, List<Component>> groups = new LinkedHashMap<>();
    for (Component c : model.components()) {
      Matcher m = INDEX.matcher(c.id());
      String key = m.find() ? c.id().substring(0, m.start()) + "[#]\u0000" + c.kind() + "\u0000" + c.technology()
          + "\u0000" + c.source() + "\u0000" + c.host() : c.id();
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
    }
    if (groups.size() == model.components().size()) return model;
    Map<String, String> to = new TreeMap<>();
    List<Component> components = new ArrayList<>();
    for (List<Component> group : groups.values()) {
      Component first = group.get(0);
      group.forEach(c -> to.put(c.id(), first.id()));
      components.add(group.size() == 1 ? first : merged(group));
    }
    Map<String, Dependency> deps = new TreeMap<>();
    for (Dependency d : model.dependencies()) {
      String from = to.getOrDefault(d.from(), d.from());
      String target = to.getOrDefault(d.to(), d.to());
      if (from.equals(target) && !d.from().equals(d.to())) continue; // between instances of one box
      String key = from + "\u0000" + target + "\u0000" + d.port() + "\u0000" + d.kind() + "\u0000" + d.protocol();
      deps.merge(key, new Dependency(from, target, d.protocol(), d.port(), d.kind(), d.evidence()), (a, b) -> {
        TreeSet<Evidence> ev = new TreeSet<>(a.evidence());
        ev.addAll(b.evidence());
        return new Dependency(a.from(), a.to(), a.protocol(), a.port(), a.kind(), List.copyOf(ev));
      });
    }
    return new Model(model.schemaVersion(), model.generatedBy(), model.generatedAt(), model.sources(), model.hosts(),
        components, List.copyOf(deps.values()), model.zones(), model.findings(), model.problems(), model.collections());
  }

  /** One box for the group: the first instance's settings, the zones of all, the name with the index range. */
  private static Component merged(List<Component> group) {
    Component first = group.get(0);
    TreeSet<Integer> indexes = new TreeSet<>();
    TreeSet<String> zones = new TreeSet<>();
    TreeSet<Evidence> evidence = new TreeSet<>();
    int instances = 0;
    for (Component c : group) {
      Matcher m = INDEX.matcher(c.id());
      if (m.find()) indexes.add(Integer.parseInt(m.group(1)));
      for (String z : c.attribute("zones").split(",\\s*")) if (!z.isEmpty()) zones.add(z);
      evidence.addAll(c.evidence());
      instances += c.instances();
    }
    String range = indexes.last() - indexes.first() == indexes.size() - 1
        ? indexes.first() + ".." + indexes.last() : indexes.stream().map(String::valueOf).collect(Collectors.joining(","));
    Map<String, String> attributes = new TreeMap<>(first.attributes());
    if (!zones.isEmpty()) attributes.put("zones", String.join(", ", zones));
    String name = first.name().replaceFirst("\\[\\d+]$", "[" + range + "]");
    return new Component(first.id(), name, first.kind(), first.technology(), first.version(), first.host(), first.source(),
        instances, first.runsAs(), first.managedBy(), first.listens(), attributes, List.copyOf(evidence));
  }
}
