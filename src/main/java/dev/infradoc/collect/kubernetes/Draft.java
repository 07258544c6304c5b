package dev.infradoc.collect.kubernetes;

import dev.infradoc.model.Component;
import dev.infradoc.model.ComponentKind;
import dev.infradoc.model.Evidence;
import dev.infradoc.model.Listen;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A component being assembled from several objects (a Deployment, then the HPA that scales it). */
final class Draft {
  final String id;
  final String name;
  ComponentKind kind;
  String technology = "";
  String version = "";
  int instances = 1;
  final Map<String, String> attributes = new TreeMap<>();
  final List<Evidence> evidence = new ArrayList<>();
  final List<Listen> listens = new ArrayList<>();

  Draft(String id, String name, ComponentKind kind) {
    this.id = id;
    this.name = name;
    this.kind = kind;
  }

  Component build(String sourceId) {
    return new Component(id, name, kind, technology, version, "", sourceId, instances, "", "", listens,
        attributes, Evidence.sorted(evidence));
  }
}
