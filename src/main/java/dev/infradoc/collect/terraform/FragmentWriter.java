package dev.infradoc.collect.terraform;

import dev.infradoc.model.Component;
import dev.infradoc.model.Dependency;
import dev.infradoc.model.Evidence;
import dev.infradoc.model.Fragment;
import dev.infradoc.model.Joins;
import dev.infradoc.model.Zone;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns records into the model: zones for VPCs and subnets, components for everything else,
 * declared dependencies for references, and allowed dependencies for security group rules.
 */
final class FragmentWriter {
  private FragmentWriter() {}

  static void write(List<ResourceRecord> records, Fragment fragment) {
    Map<String, ResourceRecord> byId = new TreeMap<>();
    records.forEach(r -> byId.merge(r.id, r, ResourceRecord::merge));
    IamSummary.apply(byId);
    Map<String, NetworkTiers.Tier> tiers = NetworkTiers.of(List.copyOf(byId.values()));
    // Each record becomes its component (or zone) and edges on its own, in parallel (thousands of
    // resources); they are then added in id order, so the fragment does not depend on timing.
    List<Built> built = byId.values().stream().filter(r -> !r.document).toList().parallelStream()
        .map(r -> build(r, byId, tiers)).toList();
    Map<String, Dependency> deps = new TreeMap<>();
    for (Built b : built) {
      b.edges.forEach(d -> add(deps, d));
      if (b.zone != null) {
        fragment.zones.add(b.zone);
        continue;
      }
      fragment.add(b.component);
      units(b.record, fragment);
    }
    fragment.dependencies.addAll(deps.values());
  }

  /** What one record yields: its component or zone, and its edges in the order they are found. */
  private record Built(ResourceRecord record, Component component, Zone zone, List<Dependency> edges) {}

  private static Built build(ResourceRecord r, Map<String, ResourceRecord> byId, Map<String, NetworkTiers.Tier> tiers) {
    List<Dependency> edges = new ArrayList<>();
    Map<String, String> attributes = new TreeMap<>(r.attributes);
    attributes.put("terraform.address", r.address);
    attributes.put("terraform.type", r.type);
    TreeSet<String> zones = new TreeSet<>();
    r.refs.targets.forEach((to, evidence) -> {
      ResourceRecord target = byId.get(to);
      if (to.equals(r.id)) return;
      if (target != null && target.info.isZone()) {
        zones.add(to);
        return;
      }
      if (!r.info.isZone()) edges.add(new Dependency(r.id, to, "", 0, Dependency.DECLARED, List.copyOf(evidence)));
    });
    List<String> ruleSummaries = new ArrayList<>();
    for (SecurityRule rule : r.rules) {
      ruleSummaries.add(rule.direction() + ": " + rule.summary(id -> byId.containsKey(id) ? byId.get(id).address : id));
      allowedEdges(rule, edges);
    }
    for (int i = 0; i < ruleSummaries.size(); i++) {
      attributes.put(ruleSummaries.size() == 1 && !r.type.equals("aws_security_group") ? "rule" : "rule[" + i + "]", ruleSummaries.get(i));
    }
    TreeSet<Evidence> evidence = new TreeSet<>(r.evidence);
    r.rules.forEach(rule -> evidence.add(rule.at()));
    if (r.info.isZone()) return new Built(r, null, zone(r, attributes, zones, tiers.get(r.id), evidence, byId), edges);
    if (!zones.isEmpty()) attributes.put("zones", String.join(", ", zones));
    String technology = r.info.technology().isEmpty() ? r.type : r.info.technology();
    return new Built(r, new Component(r.id, name(r), r.info.kind(), technology, r.version, "", fragmentSource(r),
        r.instances, "", "terraform", List.of(), attributes, EvidenceOrder.of(evidence, r.declaredAt)), null, edges);
  }

  /** What a CI/CD job may name it by: the ECS service's name, the task definition's family, the images it runs. */
  private static void units(ResourceRecord r, Fragment fragment) {
    fragment.joins.runs.addAll(r.runs);
    String key = switch (r.type) {
      case "aws_ecs_service" -> Joins.Unit.ECS_SERVICE;
      case "aws_ecs_task_definition" -> Joins.Unit.ECS_TASK_FAMILY;
      default -> "";
    };
    String name = r.attributes.getOrDefault(key.equals(Joins.Unit.ECS_SERVICE) ? "name" : "family", "");
    // Only a name Terraform's code states in full: one still holding a variable names no service yet.
    if (!key.isEmpty() && name.matches("[A-Za-z0-9_-]+")) fragment.joins.units.add(new Joins.Unit(r.id, key, name));
  }

  /**
   * The address, qualified by its root's directory when the target holds several roots (the id
   * then carries it: tf:envs/prod/aws_vpc.main), so two roots' aws_vpc.main are told apart everywhere.
   */
  private static String name(ResourceRecord r) {
    return r.id.startsWith("tf:") && r.id.endsWith("/" + r.address) ? r.id.substring(3) : r.address;
  }

  private static String fragmentSource(ResourceRecord r) {
    return r.evidence.isEmpty() ? "" : r.evidence.first().source();
  }

  private static Zone zone(ResourceRecord r, Map<String, String> attributes, Set<String> refs,
      NetworkTiers.Tier tier, TreeSet<Evidence> evidence, Map<String, ResourceRecord> byId) {
    String cidr = r.info.cidr().isEmpty() ? "" : attributes.getOrDefault(r.info.cidr(), "");
    if (!r.info.az().isEmpty() && attributes.containsKey(r.info.az())) {
      attributes.put("availability_zone", attributes.get(r.info.az()));
    }
    String parent = "";
    if (!r.info.parent().isEmpty()) {
      for (String id : r.refsAt(r.info.parent())) {
        ResourceRecord p = byId.get(id);
        if (p != null && p.info.zone().equals("vpc")) {
          parent = id;
          break;
        }
      }
    }
    if (parent.isEmpty() && r.info.zone().equals("subnet")) {
      // State files record dependencies, not attribute references: a subnet that depends on exactly one VPC is in it.
      List<String> vpcs = refs.stream().filter(id -> byId.get(id) != null && byId.get(id).info.zone().equals("vpc")).toList();
      if (vpcs.size() == 1) parent = vpcs.get(0);
    }
    if (tier != null) {
      attributes.put("tier", tier.tier());
      attributes.put("tier.basis", tier.basis());
    }
    attributes.put("technology", r.info.technology());
    return new Zone(r.id, name(r), r.info.zone(), cidr, parent, attributes, EvidenceOrder.of(evidence, r.declaredAt));
  }

  /** Ingress: from each peer group to the rule's groups; egress: the other way. CIDR peers stay attributes. */
  private static void allowedEdges(SecurityRule rule, List<Dependency> edges) {
    Set<String> peers = new TreeSet<>(rule.peers());
    if (rule.self()) peers.addAll(rule.groups());
    for (String group : rule.groups()) {
      for (String peer : peers) {
        boolean in = !rule.direction().equals("egress");
        String from = in ? peer : group;
        String to = in ? group : peer;
        edges.add(new Dependency(from, to, rule.protocol(), rule.port(), Dependency.ALLOWED, List.of(rule.at())));
      }
    }
  }

  private static void add(Map<String, Dependency> deps, Dependency d) {
    deps.merge(d.key(), d, (a, b) -> {
      TreeSet<Evidence> all = new TreeSet<>(a.evidence());
      all.addAll(b.evidence());
      return new Dependency(a.from(), a.to(), a.protocol(), a.port(), a.kind(), List.copyOf(all));
    });
  }

}
