package dev.infradoc.collect.terraform;

import dev.infradoc.model.Evidence;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What an expression refers to: the ids of resources, zones and modules it names (each with the
 * line that names it), and the lines its variables and locals got their values from.
 */
final class Refs {
  final Map<String, TreeSet<Evidence>> targets = new TreeMap<>();
  final TreeSet<Evidence> origins = new TreeSet<>();

  void target(String id, Evidence at) {
    targets.computeIfAbsent(id, k -> new TreeSet<>()).add(at);
  }

  /** Adds another expression's references, as seen from the line {@code at}. */
  void addAll(Refs other, Evidence at) {
    other.targets.keySet().forEach(id -> target(id, at));
    origins.addAll(other.origins);
  }
}
