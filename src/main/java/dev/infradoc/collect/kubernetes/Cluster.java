package dev.infradoc.collect.kubernetes;

import dev.infradoc.collect.repo.FileEvidence;
import dev.infradoc.collect.repo.YamlNode;
import dev.infradoc.knowledge.Knowledge;
import dev.infradoc.model.Evidence;
import dev.infradoc.model.Fragment;
import dev.infradoc.model.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * All objects read from a target, indexed by namespace, kind and name, with the drafts being
 * built and the fragment they end in. The readers (workloads, services, autoscaling, namespaces)
 * share it so that a Service can find the pods it selects and an HPA the workload it scales.
 */
final class Cluster {
  static final Set<String> WORKLOAD_KINDS = Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "Pod");

  final List<Manifest> manifests;
  final FileEvidence ev;
  final Knowledge knowledge;
  final Fragment out;
  final Map<String, Draft> drafts = new TreeMap<>();

  Cluster(List<Manifest> manifests, FileEvidence ev, Knowledge knowledge, Fragment out) {
    this.manifests = List.copyOf(manifests);
    this.ev = ev;
    this.knowledge = knowledge;
    this.out = out;
  }

  List<Manifest> ofKind(String... kinds) {
    List<Manifest> found = new ArrayList<>();
    for (Manifest m : manifests) {
      for (String k : kinds) if (m.kind().equals(k)) found.add(m);
    }
    return found;
  }

  Optional<Manifest> find(String namespace, String kind, String name) {
    return manifests.stream()
        .filter(m -> m.namespace().equals(namespace) && m.kind().equals(kind) && m.name().equals(name))
        .findFirst();
  }

  /** The pod template of a workload (CronJobs keep theirs one level deeper). */
  static YamlNode podTemplate(Manifest m) {
    return switch (m.kind()) {
      case "Pod" -> m.doc();
      case "CronJob" -> m.spec().path("jobTemplate", "spec", "template");
      default -> m.spec().get("template");
    };
  }

  static YamlNode podSpec(Manifest m) {
    return podTemplate(m).get("spec");
  }

  static Map<String, String> podLabels(Manifest m) {
    return labels(podTemplate(m).path("metadata", "labels"));
  }

  static Map<String, String> labels(YamlNode map) {
    Map<String, String> out = new TreeMap<>();
    for (YamlNode.Entry e : map.entries()) out.put(e.key(), e.value().text());
    return out;
  }

  static String describe(Map<String, String> labels) {
    List<String> parts = new ArrayList<>();
    labels.forEach((k, v) -> parts.add(k + "=" + v));
    return String.join(", ", parts);
  }

  /** Workloads in a namespace whose pod labels include every selector label. */
  List<Manifest> selected(String namespace, Map<String, String> selector) {
    List<Manifest> found = new ArrayList<>();
    if (selector.isEmpty()) return found;
    for (Manifest m : manifests) {
      if (!WORKLOAD_KINDS.contains(m.kind()) || !m.namespace().equals(namespace)) continue;
      if (podLabels(m).entrySet().containsAll(selector.entrySet())) found.add(m);
    }
    return found;
  }

  /** Where the object starts: its {@code kind:} line. */
  Evidence at(Manifest m) {
    return ev.ofKey(m.doc(), "kind");
  }

  Evidence nameAt(Manifest m) {
    return ev.ofKey(m.metadata(), "name");
  }

  /** Something these files refer to but do not contain: listed, never fatal. */
  void problem(YamlNode where, String reason, String hint) {
    out.add(new Problem(ev.sourceId(), where.file() + ":" + where.line(), reason, hint));
  }
}
