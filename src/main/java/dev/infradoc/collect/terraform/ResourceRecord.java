package dev.infradoc.collect.terraform;

import dev.infradoc.model.Evidence;
import dev.infradoc.model.Joins;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** One resource instance (or registry module) as read from the code or a state file, before it becomes a component or zone. */
final class ResourceRecord {
  final String id;
  final String address;
  final String type;
  final ResourceTypes.TypeInfo info;
  int instances = 1;
  /** A data source kept for what it says (a policy document), not a component of its own. */
  boolean document;
  /** {@code path:line} of the block this record was read from; "" when read from state. */
  String declaredAt = "";
  String version = "";
  final Map<String, String> attributes = new TreeMap<>();
  final TreeSet<Evidence> evidence = new TreeSet<>();
  final Refs refs = new Refs();
  /** Referenced ids by attribute path ("vpc_id", "route.gateway_id"), for network tiers and rules. */
  final Map<String, Set<String>> refsByPath = new TreeMap<>();
  final List<SecurityRule> rules = new ArrayList<>();
  /** The container images it runs (an ECS task definition's containers), each where it is written. */
  final List<Joins.Runs> runs = new ArrayList<>();

  ResourceRecord(String id, String address, String type, ResourceTypes.TypeInfo info) {
    this.id = id;
    this.address = address;
    this.type = type;
    this.info = info;
  }

  void attribute(String key, String value, Evidence at) {
    attributes.put(key, value);
    if (at != null) evidence.add(at);
  }

  Set<String> refsAt(String path) {
    return refsByPath.getOrDefault(path, Set.of());
  }

  /** Ids referenced under any path ending with {@code suffix} (e.g. "gateway_id"). */
  Set<String> refsEndingWith(String suffix) {
    Set<String> out = new TreeSet<>();
    refsByPath.forEach((path, ids) -> {
      if (path.equals(suffix) || path.endsWith("." + suffix) || path.endsWith("_" + suffix)) out.addAll(ids);
    });
    return out;
  }

  /** The same resource read twice (code and state): what the first lacks is taken from the second. */
  ResourceRecord merge(ResourceRecord other) {
    other.attributes.forEach(attributes::putIfAbsent);
    evidence.addAll(other.evidence);
    other.refs.targets.forEach((id, evs) -> refs.targets.computeIfAbsent(id, k -> new TreeSet<>()).addAll(evs));
    other.refsByPath.forEach((p, ids) -> refsByPath.computeIfAbsent(p, k -> new TreeSet<>()).addAll(ids));
    rules.addAll(other.rules);
    if (runs.isEmpty()) runs.addAll(other.runs);
    if (version.isEmpty()) version = other.version;
    if (declaredAt.isEmpty()) declaredAt = other.declaredAt;
    instances = Math.max(instances, other.instances);
    return this;
  }
}
