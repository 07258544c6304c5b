package dev.infradoc.render.mermaid;

import dev.infradoc.model.Component;
import dev.infradoc.model.Dependency;
import dev.infradoc.model.Model;
import dev.infradoc.model.Zone;
import dev.infradoc.render.View;
import dev.infradoc.render.iac.Hop;
import dev.infradoc.render.iac.Placement;
import dev.infradoc.render.iac.Traffic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Diagrams of declared infrastructure: components grouped by VPC and subnet tier (or namespace,
 * compose project, module), the request graph from the edge, and the network topology.
 */
final class DeclaredDiagrams {
  private final Model model;
  private final View view;
  private final Mermaid ids;
  private final Traffic traffic;
  private final Placement placement;
  private final Function<Component, String> node;
  private final dev.infradoc.render.iac.Describe describe;
  private List<Component> gateways;

  DeclaredDiagrams(Model model, View view, Mermaid ids, Function<Component, String> node) {
    this.model = model;
    this.view = view;
    this.ids = ids;
    this.node = node;
    this.traffic = Traffic.of(model);
    this.placement = Placement.of(model);
    this.describe = dev.infradoc.render.iac.Describe.of(model);
  }

  /** Declared dependencies that are not structural wiring: the edges worth drawing. */
  List<Dependency> meaningful() {
    dev.infradoc.render.iac.Structure structure = dev.infradoc.render.iac.Structure.of(model);
    return model.dependencies().stream().filter(d -> structure.group(d) == null).toList();
  }

  /** A request-path box: name and the first facts of its step (HTTPS :443, min 2 max 6...). */
  private String flowNode(Component c) {
    String detail = describe.column("flow", "detail", c).text();
    String[] parts = detail.split("; ");
    String shortDetail = parts.length > 2 ? parts[0] + "; " + parts[1] : detail;
    String n = node.apply(c);
    int open = n.indexOf('"');
    return ids.id(c.id()) + n.substring(ids.id(c.id()).length(), open) + Mermaid.lines(view.label(c), shortDetail)
        + n.substring(n.lastIndexOf('"') + 1);
  }

  Traffic traffic() {
    return traffic;
  }

  Placement placement() {
    return placement;
  }

  /** Every hop that means use: the request graph and the edges off it (compose/k8s connections, alarms). */
  List<Hop> uses() {
    List<Hop> hops = new ArrayList<>(traffic.reachable());
    for (Component c : model.components()) hops.addAll(traffic.from(c.id()));
    return hops;
  }

  /** Components that do a job (not network plumbing, IAM or settings), grouped by where they sit, with request edges. */
  String system() {
    List<Component> shown = model.components().stream().filter(this::isService).toList();
    if (shown.isEmpty()) return "Not drawn: no declared services.";
    StringBuilder d = new StringBuilder("flowchart LR\n");
    Set<String> visible = new TreeSet<>();
    shown.forEach(c -> visible.add(c.id()));
    Map<String, Map<String, List<Component>>> groups = new TreeMap<>();
    for (Component c : shown) groups.computeIfAbsent(outer(c), k -> new TreeMap<>()).computeIfAbsent(inner(c), k -> new ArrayList<>()).add(c);
    int g = 0;
    for (Map.Entry<String, Map<String, List<Component>>> outer : groups.entrySet()) {
      String gid = "g" + (++g);
      d.append("  subgraph ").append(gid).append("[").append(Mermaid.lines(outer.getKey())).append("]\n");
      int i = 0;
      for (Map.Entry<String, List<Component>> inner : outer.getValue().entrySet()) {
        boolean sub = !inner.getKey().isEmpty();
        if (sub) d.append("    subgraph ").append(gid).append("_").append(++i).append("[").append(Mermaid.lines(inner.getKey())).append("]\n");
        inner.getValue().forEach(c -> d.append(sub ? "      " : "    ").append(node.apply(c)).append("\n"));
        if (sub) d.append("    end\n");
      }
      d.append("  end\n");
    }
    requestEdges(d, visible, true);
    return d.toString();
  }

  /** The request graph: outside origins, every hop with what it does and its port. */
  String flow() {
    if (traffic.isEmpty()) return "Not drawn: no entry point for requests was declared.";
    StringBuilder d = new StringBuilder("flowchart LR\n");
    List<Hop> hops = traffic.reachable();
    Set<String> nodes = new LinkedHashSet<>();
    Map<String, String> outside = new LinkedHashMap<>();
    for (Hop h : hops) {
      if (h.fromOutside()) outside.putIfAbsent(h.from(), "o" + (outside.size() + 1));
      else nodes.add(h.from());
      nodes.add(h.to());
    }
    outside.forEach((from, id) -> d.append("  ").append(id).append("((").append(Mermaid.lines(from.substring(Hop.OUTSIDE.length()))).append("))\n"));
    nodes.forEach(id -> d.append("  ").append(flowNode(view.component(id))).append("\n"));
    for (Hop h : hops) {
      String from = h.fromOutside() ? outside.get(h.from()) : ids.id(h.from());
      d.append("  ").append(from).append(h.kind().equals(Dependency.ALLOWED) ? " -.->|" : " -->|")
          .append(Mermaid.lines(label(h))).append("| ").append(ids.id(h.to())).append("\n");
    }
    return d.toString();
  }

  /** VPCs, subnets by tier and AZ, gateways and where route tables send traffic. */
  String topology() {
    List<Zone> vpcs = model.zones().stream().filter(z -> z.kind().equals("vpc")).toList();
    if (vpcs.isEmpty()) return "Not drawn: no VPC or network was declared.";
    StringBuilder d = new StringBuilder("flowchart TB\n");
    d.append("  internet((\"internet\"))\n");
    int v = 0;
    Map<String, String> zoneIds = new TreeMap<>();
    for (Zone vpc : vpcs) {
      String vid = "v" + (++v);
      zoneIds.put(vpc.id(), vid);
      d.append("  subgraph ").append(vid).append("[").append(Mermaid.lines("VPC " + Placement.name(vpc), vpc.cidr())).append("]\n");
      Map<String, List<Zone>> tiers = new TreeMap<>();
      model.zones().stream().filter(z -> z.kind().equals("subnet") && z.parent().equals(vpc.id()))
          .forEach(z -> tiers.computeIfAbsent(z.attributes().getOrDefault("tier", "unclassified"), k -> new ArrayList<>()).add(z));
      int t = 0;
      for (Map.Entry<String, List<Zone>> tier : tiers.entrySet()) {
        String tid = vid + "_t" + (++t);
        d.append("    subgraph ").append(tid).append("[").append(Mermaid.lines(tier.getKey() + " subnets")).append("]\n");
        int s = 0;
        for (Zone z : tier.getValue()) {
          String sid = tid + "_s" + (++s);
          zoneIds.put(z.id(), sid);
          d.append("      ").append(sid).append("[").append(Mermaid.lines(z.attributes().getOrDefault("availability_zone", ""), z.cidr())).append("]\n");
        }
        d.append("    end\n");
      }
      for (Component gw : gateways()) {
        if (placement.of(gw).stream().anyMatch(z -> z.id().equals(vpc.id()) || z.parent().equals(vpc.id()))) {
          d.append("    ").append(node.apply(gw)).append("\n");
        }
      }
      d.append("  end\n");
    }
    Set<String> drawn = new TreeSet<>();
    for (Component gw : gateways()) {
      if (gw.attribute("terraform.type").equals("aws_internet_gateway")) drawn.add("  " + ids.id(gw.id()) + " <--> internet\n");
      for (Zone z : placement.of(gw)) {
        if (z.kind().equals("subnet") && zoneIds.containsKey(z.id())) drawn.add("  " + ids.id(gw.id()) + " -.-|" + Mermaid.lines("in") + "| " + zoneIds.get(z.id()) + "\n");
      }
    }
    // subnet -> gateway through its route table association
    for (Component assoc : model.components()) {
      if (!assoc.attribute("terraform.type").equals("aws_route_table_association")) continue;
      for (Dependency toTable : view.from(assoc.id())) {
        for (Dependency toGw : view.from(toTable.to())) {
          Component gw = view.component(toGw.to());
          if (gw == null || !gateways().contains(gw)) continue;
          for (Zone z : placement.of(assoc)) {
            if (zoneIds.containsKey(z.id())) drawn.add("  " + zoneIds.get(z.id()) + " -->|" + Mermaid.lines("route " + view.component(toTable.to()).name().replaceFirst(".*\\.", "")) + "| " + ids.id(gw.id()) + "\n");
          }
        }
      }
    }
    drawn.forEach(d::append);
    return d.toString();
  }

  List<Component> gateways() {
    if (gateways == null) gateways = findGateways();
    return gateways;
  }

  private List<Component> findGateways() {
    return model.components().stream().filter(c -> c.attribute("terraform.type")
        .matches("aws_internet_gateway|aws_nat_gateway|aws_egress_only_internet_gateway|aws_vpc_endpoint|aws_ec2_transit_gateway.*|google_compute_router(_nat)?"))
        .toList();
  }

  private void requestEdges(StringBuilder d, Set<String> visible, boolean all) {
    Set<String> drawn = new TreeSet<>();
    for (Hop h : uses()) {
      if (h.fromOutside() || !visible.contains(h.from()) || !visible.contains(h.to())) continue;
      if (!drawn.add(h.from() + ">" + h.to())) continue;
      d.append("  ").append(ids.id(h.from())).append(h.kind().equals(Dependency.ALLOWED) ? " -.->|" : " -->|")
          .append(Mermaid.lines(label(h))).append("| ").append(ids.id(h.to())).append("\n");
    }
  }

  static String label(Hop h) {
    String says = h.says().replaceFirst(" \\(.*", "");
    return (says + (h.traffic().isEmpty() ? "" : " " + h.traffic())).trim();
  }

  /** Services worth a box: not network plumbing, IAM, settings resources or templates. */
  boolean isService(Component c) {
    if (!c.host().isEmpty()) return false;
    String role = c.kind().role();
    // A platform resource that carries requests (a Kubernetes Service) is a step worth a box.
    boolean carries = traffic.reached(c.id());
    if (role.equals("platform") && !c.kind().id().equals("container-platform") && !carries) return false;
    String type = c.attribute("terraform.type");
    if (describe.has("scaling", c)) return false;
    return !type.matches("aws_(db|elasticache|redshift|docdb|neptune)_subnet_group|aws_s3_bucket_.+|aws_launch_(template|configuration)");
  }

  /** Outer group: the VPC (or namespace, compose project, module) a component sits in. */
  String outer(Component c) {
    List<Zone> at = placement.of(c);
    for (Zone z : at) {
      Zone vpc = z.kind().equals("vpc") ? z : placement.zone(z.parent());
      if (vpc != null && vpc.kind().equals("vpc")) return "VPC " + Placement.name(vpc);
    }
    if (!c.attribute("namespace").isEmpty()) return "namespace " + c.attribute("namespace");
    if (!c.attribute("project").isEmpty()) return "compose project " + c.attribute("project");
    if (c.kind().id().equals("external")) return "External";
    String address = c.attribute("terraform.address");
    if (address.startsWith("module.") && address.indexOf('.', 7) > 0) return "module " + address.substring(7, address.indexOf('.', 7));
    return c.attribute("terraform.type").isEmpty() ? "Declared" : "Regional and global services";
  }

  /** Inner group: the subnet tier with its zones, else the role. */
  private String inner(Component c) {
    String where = placement.describe(c);
    if (where.contains("subnets")) return where;
    return View.ROLE_TITLES.getOrDefault(c.kind().role(), "");
  }

  /** Workflows as groups of their jobs; arrows run the way work runs: a needed job before the job that needs it. */
  String pipeline() {
    List<Component> ci = model.components().stream().filter(c -> c.kind() == dev.infradoc.model.ComponentKind.CI_CD).toList();
    if (ci.isEmpty()) return "Not drawn: no CI/CD definitions were read.";
    StringBuilder d = new StringBuilder("flowchart LR\n");
    Map<String, List<Component>> jobs = new TreeMap<>();
    List<Component> loose = new ArrayList<>();
    for (Component c : ci) {
      if (!c.attribute("workflow").isEmpty()) jobs.computeIfAbsent(c.attribute("workflow"), k -> new ArrayList<>()).add(c);
    }
    for (Component c : ci) {
      if (!c.attribute("workflow").isEmpty()) continue;
      List<Component> own = jobs.getOrDefault(c.id(), List.of());
      if (own.isEmpty()) {
        loose.add(c);
        continue;
      }
      d.append("  subgraph ").append(ids.id(c.id())).append("[").append(Mermaid.lines(c.name() + ": " + java.util.Arrays.stream(c.attribute("triggers").split("; "))
          .map(t -> t.replaceFirst(" .*", "")).collect(java.util.stream.Collectors.joining(", ")))).append("]\n");
      for (Component j : own) {
        String does = List.of("deploys", "builds", "tests", "publishes", "plans", "calls").stream().filter(k -> !c.attribute(k).isEmpty() || !j.attribute(k).isEmpty())
            .map(k -> k + " " + j.attribute(k)).filter(x -> !x.endsWith(" ")).findFirst().orElse("");
        d.append("    ").append(ids.id(j.id())).append("[").append(Mermaid.lines(j.name(), does,
            j.attribute("environment").isEmpty() ? "" : "environment " + j.attribute("environment"))).append("]\n");
      }
      d.append("  end\n");
    }
    loose.forEach(c -> d.append("  ").append(node.apply(c)).append("\n"));
    delivered(ci, d);
    for (Dependency dep : model.dependencies()) {
      Component from = view.component(dep.from());
      Component to = view.component(dep.to());
      if (from == null || to == null || from.kind() != dev.infradoc.model.ComponentKind.CI_CD || to.kind() != dev.infradoc.model.ComponentKind.CI_CD) continue;
      boolean needs = from.attribute("workflow").equals(to.attribute("workflow")) && !to.attribute("workflow").isEmpty();
      boolean calls = !from.attribute("calls").isEmpty();
      if (needs) d.append("  ").append(ids.id(to.id())).append(" --> ").append(ids.id(from.id())).append("\n");
      else if (calls) d.append("  ").append(ids.id(from.id())).append(" -->|").append(Mermaid.lines("calls")).append("| ").append(ids.id(to.id())).append("\n");
      else d.append("  ").append(ids.id(to.id())).append(" -.->|").append(Mermaid.lines("triggers")).append("| ").append(ids.id(from.id())).append("\n");
    }
    return d.toString();
  }

  /** A job's deliveries: an arrow to each component (or Terraform root) it delivers, and to what it names that matched nothing. */
  private void delivered(List<Component> ci, StringBuilder d) {
    Map<String, String> drawn = new TreeMap<>();
    int unmatched = 0;
    int roots = 0;
    for (Component job : ci) {
      for (dev.infradoc.render.iac.Delivered.Entry e : dev.infradoc.render.iac.Delivered.entries(model, job)) {
        String target = drawn.get(e.key());
        if (target == null) {
          // A component keeps its node id; a Terraform root gets one of its own.
          target = e.component().isPresent() ? ids.id(e.key()) : "r" + (++roots);
          drawn.put(e.key(), target);
          d.append("  ").append(target).append("[").append(Mermaid.lines(e.label())).append("]\n");
        }
        d.append("  ").append(ids.id(job.id())).append(" -.-> ").append(target).append("\n");
      }
      for (String statement : dev.infradoc.render.iac.Delivered.notMatched(job)) {
        int colon = statement.lastIndexOf(": ");
        String target = "u" + (++unmatched);
        String label = colon < 0 ? Mermaid.lines(statement) : Mermaid.lines(statement.substring(0, colon), statement.substring(colon + 2));
        d.append("  ").append(target).append("[").append(label).append("]\n");
        d.append("  ").append(ids.id(job.id())).append(" -.->|").append(Mermaid.lines("not matched")).append("| ").append(target).append("\n");
      }
    }
  }

  /** Each source (a Terraform root, a compose project, a manifest folder) with its compute and stores and their counts. */
  String deployment() {
    List<Component> shown = model.components().stream().filter(c -> isService(c) && !c.kind().id().equals("external")
        && (c.kind().role().equals("application") || c.kind().role().equals("data") || c.kind().id().equals("container-platform"))).toList();
    if (shown.isEmpty()) return "Not drawn: no declared compute or data stores.";
    StringBuilder d = new StringBuilder("flowchart TB\n");
    Map<String, List<Component>> bySource = new TreeMap<>();
    shown.forEach(c -> bySource.computeIfAbsent(c.source(), k -> new ArrayList<>()).add(c));
    int s = 0;
    for (Map.Entry<String, List<Component>> src : bySource.entrySet()) {
      String sid = "s" + (++s);
      d.append("  subgraph ").append(sid).append("[").append(Mermaid.lines(src.getKey())).append("]\n");
      for (Component c : src.getValue()) {
        String capacity = List.of("desired_capacity", "desired_count", "replicas", "num_cache_clusters").stream()
            .map(c::attribute).filter(x -> !x.isEmpty()).findFirst().map(x -> "x" + x).orElse("");
        String where = placement.describe(c);
        d.append("    ").append(ids.id(c.id())).append("[").append(Mermaid.lines(c.name(), c.technology() + (capacity.isEmpty() ? "" : " " + capacity), where)).append("]\n");
      }
      d.append("  end\n");
    }
    return d.toString();
  }
}
