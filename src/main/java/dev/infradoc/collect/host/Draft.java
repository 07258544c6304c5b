package dev.infradoc.collect.host;

import dev.infradoc.knowledge.ProcessSignature;
import dev.infradoc.model.Component;
import dev.infradoc.model.ComponentKind;
import dev.infradoc.model.Evidence;
import dev.infradoc.model.Listen;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** A component of a host while it is being assembled; becomes an immutable {@link Component}. */
final class Draft {
  String id;
  String name;
  ComponentKind kind;
  String technology;
  String version = "";
  String runsAs = "";
  String managedBy = "";
  String cwd = "";
  int instances;
  final ProcessSignature signature;
  final List<Integer> rootPids = new ArrayList<>();
  final List<Integer> pids = new ArrayList<>();
  final Map<String, String> attributes = new TreeMap<>();
  final TreeSet<Listen> listens = new TreeSet<>();
  final TreeSet<Evidence> evidence = new TreeSet<>();

  Draft(ProcessSignature signature) {
    this.signature = signature;
  }

  Component toComponent(String hostId, String sourceId) {
    return new Component(id, name, kind, technology, version, hostId, sourceId, instances, runsAs,
        managedBy, List.copyOf(listens), attributes, Evidence.sorted(evidence));
  }
}
