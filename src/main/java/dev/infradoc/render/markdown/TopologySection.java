package dev.infradoc.render.markdown;

import static dev.infradoc.render.markdown.Markdown.text;

import dev.infradoc.model.Component;
import dev.infradoc.model.Dependency;
import dev.infradoc.model.Zone;
import dev.infradoc.render.View;
import dev.infradoc.render.iac.Facts;
import dev.infradoc.render.iac.Placement;
import dev.infradoc.render.iac.Traffic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Declared networks: VPCs with CIDRs, subnets by tier and availability zone, route tables and the
 * gateways they send traffic to, security group rules (who may reach whom), network ACLs; and the
 * Kubernetes namespaces/NetworkPolicies and compose networks, each with its evidence.
 */
final class TopologySection {
  private static final Pattern ROUTE_TARGET = Pattern.compile("route\\.(gateway_id|nat_gateway_id|transit_gateway_id|vpc_peering_connection_id)|gateway_id|nat_gateway_id");
  private final View view;
  private final Traffic traffic;
  private final Placement placement;
  private final Map<String, List<Component>> typed = new HashMap<>();

  TopologySection(View view) {
    this.view = view;
    this.traffic = Traffic.of(view.model());
    this.placement = Placement.of(view.model());
  }

  void render(StringBuilder md) {
    List<Zone> vpcs = zones("vpc");
    if (!vpcs.isEmpty()) {
      md.append("#### VPCs and subnets\n\n");
      for (Zone vpc : vpcs) vpc(md, vpc);
    }
    routes(md);
    securityGroups(md);
    acls(md);
    namespaces(md);
    composeNetworks(md);
  }

  private void vpc(StringBuilder md, Zone vpc) {
    List<Zone> subnets = view.model().zones().stream().filter(z -> z.kind().equals("subnet") && z.parent().equals(vpc.id())).toList();
    md.append("**").append(text(Placement.name(vpc))).append("**: CIDR ").append(text(InventorySection.or(vpc.cidr(), "not stated")))
        .append(", ").append(subnets.size()).append(" subnets. Evidence: ").append(Markdown.evidence(Facts.line(zoneAsComponent(vpc), "cidr_block"), 1)).append("\n\n");
    if (subnets.isEmpty()) return;
    TreeSet<String> azs = new TreeSet<>();
    Map<String, Map<String, List<Zone>>> byTier = new TreeMap<>();
    for (Zone s : subnets) {
      String az = s.attributes().getOrDefault("availability_zone", "not stated");
      azs.add(az);
      byTier.computeIfAbsent(s.attributes().getOrDefault("tier", "unclassified"), k -> new TreeMap<>())
          .computeIfAbsent(az, k -> new ArrayList<>()).add(s);
    }
    List<String> header = new ArrayList<>(List.of("Tier (how known)"));
    azs.forEach(header::add);
    header.add("Routes through");
    md.append(Markdown.header(header.toArray(String[]::new)));
    for (Map.Entry<String, Map<String, List<Zone>>> tier : byTier.entrySet()) {
      List<String> row = new ArrayList<>();
      String basis = tier.getValue().values().stream().flatMap(List::stream).map(z -> z.attributes().getOrDefault("tier.basis", ""))
          .filter(b -> !b.isEmpty()).findFirst().orElse("");
      row.add(text(tier.getKey()) + (basis.isEmpty() ? "" : " (" + text(basis.replaceFirst(" .*", "")) + ")"));
      for (String az : azs) {
        List<Zone> cell = tier.getValue().getOrDefault(az, List.of());
        row.add(cell.isEmpty() ? "" : cell.stream().map(z -> text(z.name()) + " " + text(z.cidr())
            + " (" + Markdown.evidence(Facts.line(zoneAsComponent(z), "cidr_block"), 1) + ")").collect(Collectors.joining("<br>")));
      }
      row.add(text(routesFor(tier.getValue().values().stream().flatMap(List::stream).toList())));
      md.append(Markdown.row(row.toArray(String[]::new)));
    }
    md.append("\n");
  }

  /** Route tables associated with these subnets and the gateways their routes name. */
  private String routesFor(List<Zone> subnets) {
    TreeSet<String> out = new TreeSet<>();
    java.util.Set<String> associated = new java.util.HashSet<>();
    subnets.forEach(z -> associations().getOrDefault(z.id(), List.of()).forEach(a -> associated.add(a.id())));
    for (Component assoc : typed("aws_route_table_association")) {
      if (!associated.contains(assoc.id())) continue;
      for (Dependency d : view.from(assoc.id())) {
        Component table = view.component(d.to());
        if (table == null) continue;
        out.add(table.name() + gateways(table));
      }
    }
    return out.isEmpty() ? "no route table association declared" : String.join(", ", out);
  }

  private String gateways(Component table) {
    List<String> via = new ArrayList<>();
    for (Dependency d : traffic.references().through(table, ROUTE_TARGET)) {
      String cidr = table.attribute("route.cidr_block").isEmpty() ? table.attribute("destination_cidr_block") : table.attribute("route.cidr_block");
      via.add((cidr.isEmpty() ? "" : cidr + " ") + "via " + view.component(d.to()).name());
    }
    return via.isEmpty() ? "" : " (" + String.join(", ", via) + ")";
  }

  private void routes(StringBuilder md) {
    List<Component> gws = typed("aws_internet_gateway|aws_nat_gateway|aws_egress_only_internet_gateway|aws_vpc_endpoint|aws_ec2_transit_gateway.*|google_compute_router(_nat)?");
    List<Component> tables = typed("aws_route_table|aws_route");
    if (gws.isEmpty() && tables.isEmpty()) return;
    md.append("#### Gateways and route tables\n\n");
    ComponentTable table = new ComponentTable("Resource", "What", "Routes", "Placed in or serves", "Evidence");
    for (Component c : gws) {
      table.add(c, text(c.name()), text(c.technology()), "", text(placement.describe(c)), Markdown.evidence(List.of(Facts.header(c)), 1));
    }
    Map<String, Integer> associations = new HashMap<>();
    for (Component a : typed("aws_route_table_association")) {
      view.from(a.id()).stream().map(Dependency::to).distinct().forEach(t -> associations.merge(t, 1, Integer::sum));
    }
    for (Component c : tables) {
      long subnets = associations.getOrDefault(c.id(), 0);
      table.add(c, text(c.name()), text(c.technology()), text(InventorySection.or(gateways(c).replaceAll("^ \\(|\\)$", ""), "local only")),
          subnets + " subnet associations", Markdown.evidence(Facts.line(c, "cidr_block"), 1));
    }
    table.render(md);
    md.append("\n");
  }

  private void securityGroups(StringBuilder md) {
    List<Component> groups = typed("aws_security_group|google_compute_firewall|azurerm_network_security_(group|rule)|digitalocean_firewall");
    if (groups.isEmpty()) return;
    md.append("#### Security groups and firewall rules\n\n");
    md.append("Who may reach whom: each rule as declared, with the resources that are in the group.\n\n");
    md.append(Markdown.header("Group", "Members", "Direction", "Rule", "Evidence"));
    // Members and standalone rules by group, found once (not per group: thousands of resources).
    Map<String, List<Component>> membersOf = new HashMap<>();
    for (Component c : view.model().components()) {
      traffic.securityGroups(c.id()).forEach(g -> membersOf.computeIfAbsent(g, k -> new ArrayList<>()).add(c));
    }
    Map<String, List<Component>> rulesOf = new HashMap<>();
    Pattern groupAttribute = Pattern.compile("security_group_id");
    for (Component r : typed("aws_security_group_rule|aws_vpc_security_group_(ingress|egress)_rule")) {
      if (r.attribute("rule").isEmpty()) continue;
      traffic.references().through(r, groupAttribute).stream().map(d -> d.to()).distinct()
          .forEach(g -> rulesOf.computeIfAbsent(g, k -> new ArrayList<>()).add(r));
    }
    for (Component g : groups) {
      String members = membersOf.getOrDefault(g.id(), List.of()).stream()
          .map(view::label).collect(Collectors.joining(", "));
      List<String[]> rules = new ArrayList<>();
      g.attributes().forEach((k, v) -> {
        if (k.matches("rule(\\[\\d+])?")) rules.add(split(v));
      });
      for (Component r : rulesOf.getOrDefault(g.id(), List.of())) {
        String[] parts = split(r.attribute("rule"));
        rules.add(new String[] {parts[0], parts[1] + " [" + r.name() + "]"});
      }
      if (g.attribute("terraform.type").startsWith("google_compute_firewall")) {
        rules.add(new String[] {g.attribute("direction"), g.attribute("allow.protocol") + " " + g.attribute("allow.ports") + " from "
            + g.attribute("source_ranges") + " to tags " + g.attribute("target_tags")});
      }
      if (rules.isEmpty()) rules.add(new String[] {"", "no rules declared"});
      for (String[] r : rules) {
        md.append(Markdown.row(text(g.name()), text(InventorySection.or(members, "none declared")), text(r[0]), text(r[1]),
            Markdown.evidence(List.of(Facts.header(g)), 1)));
      }
    }
    md.append("\n");
  }

  private static String[] split(String rule) {
    int colon = rule.indexOf(": ");
    return colon < 0 ? new String[] {"", rule} : new String[] {rule.substring(0, colon), rule.substring(colon + 2)};
  }

  private void acls(StringBuilder md) {
    List<Component> acls = typed("aws_network_acl(_rule)?");
    if (acls.isEmpty()) return;
    md.append("#### Network ACLs\n\n");
    md.append(Markdown.header("ACL", "Settings", "Evidence"));
    acls.forEach(a -> md.append(Markdown.row(text(a.name()), InventorySection.settings(a), Markdown.evidence(List.of(Facts.header(a)), 1))));
    md.append("\n");
  }

  private void namespaces(StringBuilder md) {
    List<Zone> ns = zones("namespace");
    if (ns.isEmpty()) return;
    md.append("#### Kubernetes namespaces and network policies\n\n");
    md.append(Markdown.header("Namespace or policy", "Kind", "Applies to", "Rules", "Evidence"));
    for (Zone n : ns) {
      long members = view.model().components().stream().filter(c -> c.id().startsWith(n.id() + "/")).count();
      md.append(Markdown.row(text(n.name()), "namespace", members + " resources", text(n.attributes().entrySet().stream()
          .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("; "))), Markdown.evidence(n.evidence(), 1)));
      for (Zone p : view.model().zones()) {
        if (!p.kind().equals("network-policy") || !p.parent().equals(n.id())) continue;
        String applies = p.attributes().getOrDefault("appliesTo", p.attributes().getOrDefault("podSelector", ""));
        String rules = p.attributes().entrySet().stream().filter(e -> e.getKey().matches("ingress|egress|policyTypes"))
            .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("; "));
        md.append(Markdown.row(text(p.name()), "NetworkPolicy", text(applies), text(rules), Markdown.evidence(p.evidence(), 1)));
      }
    }
    boolean policies = view.model().zones().stream().anyMatch(z -> z.kind().equals("network-policy"));
    if (!policies) md.append("\nNo NetworkPolicy is declared: every pod may reach every other pod.\n");
    md.append("\n");
  }

  private void composeNetworks(StringBuilder md) {
    List<Zone> nets = view.model().zones().stream().filter(z -> z.kind().equals("network") && z.id().startsWith("compose:")).toList();
    if (nets.isEmpty()) return;
    md.append("#### Compose networks\n\n");
    md.append(Markdown.header("Network", "Services", "Internal (no outside access)", "Evidence"));
    for (Zone n : nets) {
      md.append(Markdown.row(text(n.name()), text(n.attributes().getOrDefault("services", "")),
          n.attributes().getOrDefault("internal", "false").equals("true") ? "yes" : "no", Markdown.evidence(n.evidence(), 1)));
    }
    md.append("\n");
  }

  private List<Zone> zones(String kind) {
    return view.model().zones().stream().filter(z -> z.kind().equals(kind)).toList();
  }

  private Map<String, List<Component>> associations;

  /** Route table associations by the zones they name (asked per tier of every VPC: looked up, not searched). */
  private Map<String, List<Component>> associations() {
    if (associations == null) {
      associations = new HashMap<>();
      for (Component assoc : typed("aws_route_table_association")) {
        for (String z : assoc.attribute("zones").split(",")) {
          if (!z.isBlank()) associations.computeIfAbsent(z.strip(), k -> new ArrayList<>()).add(assoc);
        }
      }
    }
    return associations;
  }

  private List<Component> typed(String regex) {
    return typed.computeIfAbsent(regex, r -> view.ofTerraformType(Pattern.compile(r)));
  }

  /** Zones carry evidence like components; this lets Facts find the line of an attribute. */
  private static Component zoneAsComponent(Zone z) {
    return new Component(z.id(), z.name(), dev.infradoc.model.ComponentKind.NETWORK, "", "", "", "", 1, "", "",
        List.of(), z.attributes(), z.evidence());
  }
}
