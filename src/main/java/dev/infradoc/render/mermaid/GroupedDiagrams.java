package dev.infradoc.render.mermaid;

import dev.infradoc.model.Component;
import dev.infradoc.model.Dependency;
import dev.infradoc.model.Model;
import dev.infradoc.model.Zone;
import dev.infradoc.render.ShapeGroups;
import dev.infradoc.render.View;
import dev.infradoc.render.iac.Hop;
import dev.infradoc.render.iac.Placement;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The declared diagrams of a system too large for one box per resource: resources that differ only
 * by index or number are one box with their count (ShapeGroups), boxes are grouped by Terraform
 * module and role, and the arrows between two boxes that say the same are one arrow with their
 * count. Every box stands for components of the model and every arrow for its dependencies or
 * request hops; nothing is drawn that the model does not hold.
 */
final class GroupedDiagrams {
  private final Model model;
  private final View view;
  private final DeclaredDiagrams declared;

  GroupedDiagrams(Model model, View view, DeclaredDiagrams declared) {
    this.model = model;
    this.view = view;
    this.declared = declared;
  }

  /** Boxes of one diagram: a node id per group, in group order. */
  private static final class Boxes {
    final ShapeGroups groups;
    final Map<ShapeGroups.Group, String> ids = new IdentityHashMap<>();

    Boxes(List<Component> shown) {
      groups = ShapeGroups.of(shown);
      for (ShapeGroups.Group g : groups.groups()) ids.put(g, "c" + (ids.size() + 1));
    }

    String id(String componentId) {
      ShapeGroups.Group g = groups.of(componentId);
      return g == null ? null : ids.get(g);
    }

    String node(ShapeGroups.Group g) {
      Component c = g.first();
      String detail = c.kind().id() + (c.technology().isEmpty() ? "" : " · " + c.technology())
          + (g.size() > 1 ? " · x" + g.size() : c.instances() > 1 ? " · x" + c.instances() : "");
      return ids.get(g) + DiagramsDocument.shape(c.kind(), Mermaid.lines(g.name(), detail));
    }
  }

  /**
   * Arrows between the same two boxes that say the same, counted; labels that differ only by a
   * number (tcp 8000, tcp 8001) are one arrow whose label gives the numbers' range (tcp 8000..8019).
   */
  private static final class Arrows {
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("\\d+");
    private final Map<String, List<String>> labels = new LinkedHashMap<>();

    void add(String from, String arrow, String label, String to) {
      if (from == null || to == null) return;
      String shape = NUMBER.matcher(label).replaceAll("#");
      labels.computeIfAbsent(from + "\u0000" + arrow + "\u0000" + shape + "\u0000" + to, k -> new ArrayList<>()).add(label);
    }

    void draw(StringBuilder d) {
      new TreeMap<>(labels).forEach((key, all) -> {
        String[] p = key.split("\u0000", -1);
        d.append("  ").append(p[0]).append(" ").append(p[1]).append("|")
            .append(Mermaid.lines(label(all), all.size() > 1 ? all.size() + " links" : "")).append("| ").append(p[3]).append("\n");
      });
    }

    /** The label with each number written as the values it takes across the arrows. */
    static String label(List<String> all) {
      List<List<String>> values = new ArrayList<>();
      for (String l : all) {
        java.util.regex.Matcher m = NUMBER.matcher(l);
        for (int i = 0; m.find(); i++) {
          if (values.size() <= i) values.add(new ArrayList<>());
          values.get(i).add(m.group());
        }
      }
      java.util.regex.Matcher m = NUMBER.matcher(all.get(0));
      StringBuilder sb = new StringBuilder();
      for (int i = 0; m.find(); i++) m.appendReplacement(sb, ShapeGroups.range(new LinkedHashSet<>(values.get(i))));
      m.appendTail(sb);
      return sb.toString();
    }
  }

  String system() {
    List<Component> shown = model.components().stream().filter(declared::isService).toList();
    if (shown.isEmpty()) return "Not drawn: no declared services.";
    Boxes boxes = new Boxes(shown);
    StringBuilder d = new StringBuilder("flowchart LR\n");
    Map<String, Map<String, List<ShapeGroups.Group>>> nest = new TreeMap<>();
    for (ShapeGroups.Group g : boxes.groups.groups()) {
      nest.computeIfAbsent(where(g), k -> new TreeMap<>())
          .computeIfAbsent(View.ROLE_TITLES.getOrDefault(g.first().kind().role(), ""), k -> new ArrayList<>()).add(g);
    }
    nested(d, boxes, nest);
    Arrows arrows = new Arrows();
    Set<String> seen = new TreeSet<>();
    for (Hop h : declared.uses()) {
      if (h.fromOutside() || !seen.add(h.from() + ">" + h.to())) continue;
      arrows.add(boxes.id(h.from()), h.kind().equals(Dependency.ALLOWED) ? "-.->" : "-->", DeclaredDiagrams.label(h), boxes.id(h.to()));
    }
    arrows.draw(d);
    return d.toString();
  }

  String dependencies(List<Dependency> deps) {
    Set<String> involved = new LinkedHashSet<>();
    deps.forEach(dep -> {
      involved.add(dep.from());
      involved.add(dep.to());
    });
    if (involved.isEmpty()) return "Not drawn: no dependencies were observed.";
    Boxes boxes = new Boxes(model.components().stream().filter(c -> involved.contains(c.id())).toList());
    StringBuilder d = new StringBuilder("flowchart LR\n");
    Map<String, Map<String, List<ShapeGroups.Group>>> nest = new TreeMap<>();
    for (ShapeGroups.Group g : boxes.groups.groups()) nest.computeIfAbsent(where(g), k -> new TreeMap<>()).computeIfAbsent("", k -> new ArrayList<>()).add(g);
    nested(d, boxes, nest);
    Arrows arrows = new Arrows();
    Map<String, List<Dependency>> byPair = new TreeMap<>();
    for (Dependency dep : deps) byPair.computeIfAbsent(dep.from() + ">" + dep.to() + ">" + dep.port(), k -> new ArrayList<>()).add(dep);
    for (List<Dependency> same : byPair.values()) {
      Dependency dep = View.distinctTargets(same).get(0);
      arrows.add(boxes.id(dep.from()), dep.kind().equals(Dependency.OBSERVED) ? "-->" : "-.->", DiagramsDocument.edgeLabel(dep), boxes.id(dep.to()));
    }
    arrows.draw(d);
    return d.toString();
  }

  String flow() {
    if (declared.traffic().isEmpty()) return "Not drawn: no entry point for requests was declared.";
    List<Hop> hops = declared.traffic().reachable();
    Set<String> inside = new LinkedHashSet<>();
    Map<String, String> outside = new LinkedHashMap<>();
    for (Hop h : hops) {
      if (h.fromOutside()) outside.putIfAbsent(h.from(), "o" + (outside.size() + 1));
      else inside.add(h.from());
      inside.add(h.to());
    }
    Boxes boxes = new Boxes(model.components().stream().filter(c -> inside.contains(c.id())).toList());
    StringBuilder d = new StringBuilder("flowchart LR\n");
    outside.forEach((from, id) -> d.append("  ").append(id).append("((").append(Mermaid.lines(from.substring(Hop.OUTSIDE.length()))).append("))\n"));
    boxes.groups.groups().forEach(g -> d.append("  ").append(boxes.node(g)).append("\n"));
    Arrows arrows = new Arrows();
    for (Hop h : hops) {
      String from = h.fromOutside() ? outside.get(h.from()) : boxes.id(h.from());
      arrows.add(from, h.kind().equals(Dependency.ALLOWED) ? "-.->" : "-->", DeclaredDiagrams.label(h), boxes.id(h.to()));
    }
    arrows.draw(d);
    return d.toString();
  }

  String deployment() {
    List<Component> shown = model.components().stream().filter(c -> declared.isService(c) && !c.kind().id().equals("external")
        && (c.kind().role().equals("application") || c.kind().role().equals("data") || c.kind().id().equals("container-platform"))).toList();
    if (shown.isEmpty()) return "Not drawn: no declared compute or data stores.";
    Boxes boxes = new Boxes(shown);
    StringBuilder d = new StringBuilder("flowchart TB\n");
    Map<String, Map<String, List<ShapeGroups.Group>>> nest = new TreeMap<>();
    for (ShapeGroups.Group g : boxes.groups.groups()) {
      nest.computeIfAbsent(g.first().source(), k -> new TreeMap<>()).computeIfAbsent(module(g), k -> new ArrayList<>()).add(g);
    }
    nested(d, boxes, nest);
    return d.toString();
  }

  /** VPCs that differ only by number are one box; in each, its subnets by tier (counted, with their zones) and its gateways. */
  String topology() {
    List<Zone> vpcs = model.zones().stream().filter(z -> z.kind().equals("vpc")).toList();
    if (vpcs.isEmpty()) return "Not drawn: no VPC or network was declared.";
    Map<String, List<Zone>> vpcGroups = new LinkedHashMap<>();
    vpcs.forEach(z -> vpcGroups.computeIfAbsent(ShapeGroups.shape(z.name()), k -> new ArrayList<>()).add(z));
    Map<String, String> vpcGroupOf = new TreeMap<>();
    Map<String, String> tierNode = new TreeMap<>(); // subnet id -> node of its VPC group's tier
    Placement placement = declared.placement();
    Boxes gateways = new Boxes(declared.gateways());
    Map<String, List<ShapeGroups.Group>> gatewaysIn = new TreeMap<>();
    StringBuilder d = new StringBuilder("flowchart TB\n");
    d.append("  internet((\"internet\"))\n");
    int v = 0;
    for (List<Zone> group : vpcGroups.values()) {
      String vid = "v" + (++v);
      group.forEach(z -> vpcGroupOf.put(z.id(), vid));
    }
    for (ShapeGroups.Group g : gateways.groups.groups()) {
      String vid = placement.of(g.first()).stream().map(z -> vpcGroupOf.getOrDefault(z.id(), vpcGroupOf.get(z.parent())))
          .filter(x -> x != null).findFirst().orElse("");
      gatewaysIn.computeIfAbsent(vid, k -> new ArrayList<>()).add(g);
    }
    v = 0;
    for (List<Zone> group : vpcGroups.values()) {
      String vid = "v" + (++v);
      Set<String> cidrs = new TreeSet<>();
      group.forEach(z -> cidrs.add(z.cidr()));
      cidrs.remove("");
      String title = "VPC " + (group.size() == 1 ? Placement.name(group.get(0)) : ShapeGroups.name(group.stream().map(GroupedDiagrams::asComponent).toList()) + " x" + group.size());
      d.append("  subgraph ").append(vid).append("[").append(Mermaid.lines(title, cidrs.size() == 1 ? cidrs.iterator().next()
          : cidrs.size() + " CIDR blocks")).append("]\n");
      Set<String> ids = new TreeSet<>();
      group.forEach(z -> ids.add(z.id()));
      Map<String, List<Zone>> tiers = new TreeMap<>();
      model.zones().stream().filter(z -> z.kind().equals("subnet") && ids.contains(z.parent()))
          .forEach(z -> tiers.computeIfAbsent(z.attributes().getOrDefault("tier", "unclassified"), k -> new ArrayList<>()).add(z));
      int t = 0;
      for (Map.Entry<String, List<Zone>> tier : tiers.entrySet()) {
        String tid = vid + "_t" + (++t);
        Set<String> azs = new TreeSet<>();
        tier.getValue().forEach(z -> {
          tierNode.put(z.id(), tid);
          String az = z.attributes().getOrDefault("availability_zone", "");
          if (!az.isEmpty()) azs.add(az);
        });
        d.append("    ").append(tid).append("[").append(Mermaid.lines(tier.getKey() + " subnets x" + tier.getValue().size(),
            azs.isEmpty() ? "" : "in " + String.join(", ", azs))).append("]\n");
      }
      gatewaysIn.getOrDefault(vid, List.of()).forEach(g -> d.append("    ").append(gateways.node(g)).append("\n"));
      d.append("  end\n");
    }
    gatewaysIn.getOrDefault("", List.of()).forEach(g -> d.append("  ").append(gateways.node(g)).append("\n"));
    Arrows arrows = new Arrows();
    for (Component gw : declared.gateways()) {
      if (gw.attribute("terraform.type").equals("aws_internet_gateway")) arrows.add(gateways.id(gw.id()), "<-->", "internet", "internet");
      for (Zone z : placement.of(gw)) {
        if (z.kind().equals("subnet")) arrows.add(gateways.id(gw.id()), "-.-", "in", tierNode.get(z.id()));
      }
    }
    for (Component assoc : model.components()) {
      if (!assoc.attribute("terraform.type").equals("aws_route_table_association")) continue;
      for (Dependency toTable : view.from(assoc.id())) {
        for (Dependency toGw : view.from(toTable.to())) {
          if (gateways.id(toGw.to()) == null) continue;
          for (Zone z : placement.of(assoc)) arrows.add(tierNode.get(z.id()), "-->", "route", gateways.id(toGw.to()));
        }
      }
    }
    arrows.draw(d);
    return d.toString();
  }

  /** A zone as a component, so zones that differ only by number are named as components are. */
  private static Component asComponent(Zone z) {
    return new Component(z.id(), z.name(), dev.infradoc.model.ComponentKind.UNCLASSIFIED, "", "", "", "", 1, "", "", List.of(), Map.of(), List.of());
  }

  /** The outer box: the Terraform module the group is declared in, else where the first member sits (namespace, project). */
  private String where(ShapeGroups.Group g) {
    String module = module(g);
    return module.isEmpty() ? declared.outer(g.first()) : module;
  }

  private static String module(ShapeGroups.Group g) {
    String module = g.module();
    if (!module.isEmpty()) return "module " + module.substring("module.".length());
    return g.first().attribute("terraform.address").isEmpty() ? "" : "root module";
  }

  /** Outer boxes, inner boxes (none for an empty title), then the nodes. */
  private static void nested(StringBuilder d, Boxes boxes, Map<String, Map<String, List<ShapeGroups.Group>>> nest) {
    int o = 0;
    for (Map.Entry<String, Map<String, List<ShapeGroups.Group>>> outer : nest.entrySet()) {
      String oid = "g" + (++o);
      boolean box = !outer.getKey().isEmpty();
      if (box) d.append("  subgraph ").append(oid).append("[").append(Mermaid.lines(outer.getKey())).append("]\n");
      int i = 0;
      for (Map.Entry<String, List<ShapeGroups.Group>> inner : outer.getValue().entrySet()) {
        boolean sub = !inner.getKey().isEmpty();
        String indent = "  " + (box ? "  " : "") + (sub ? "  " : "");
        if (sub) d.append(indent, 0, indent.length() - 2).append("subgraph ").append(oid).append("_").append(++i).append("[")
            .append(Mermaid.lines(inner.getKey())).append("]\n");
        inner.getValue().forEach(g -> d.append(indent).append(boxes.node(g)).append("\n"));
        if (sub) d.append(indent, 0, indent.length() - 2).append("end\n");
      }
      if (box) d.append("  end\n");
    }
  }
}
