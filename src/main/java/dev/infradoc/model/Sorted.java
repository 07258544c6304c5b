package dev.infradoc.model;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Immutable sorted copies, so that the same input always gives the same bytes. */
final class Sorted {
  private Sorted() {}

  static <T extends Comparable<? super T>> List<T> list(Collection<T> items) {
    if (items == null) return List.of();
    return List.copyOf(new TreeSet<>(items));
  }

  /**
   * An immutable copy without duplicates, in the order given: for evidence, whose producer puts
   * the most telling line first (a resource's own declaration before the lines that feed it).
   * Producers give a deterministic order.
   */
  static <T> List<T> ordered(Collection<T> items) {
    if (items == null) return List.of();
    return List.copyOf(new java.util.LinkedHashSet<>(items));
  }

  static List<String> strings(Collection<String> items) {
    return list(items);
  }

  static Map<String, String> map(Map<String, String> m) {
    if (m == null) return Map.of();
    return Collections.unmodifiableMap(new TreeMap<>(m));
  }

}
