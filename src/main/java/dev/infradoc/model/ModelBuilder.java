package dev.infradoc.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The one place fragments become a model. Elements with the same canonical id are merged (their
 * evidence, listeners and attributes united), so nothing appears twice; the result is sorted.
 */
public final class ModelBuilder {
  private final Map<String, Source> sources = new TreeMap<>();
  private final Map<String, Host> hosts = new TreeMap<>();
  private final Map<String, Component> components = new TreeMap<>();
  private final Map<String, Dependency> dependencies = new TreeMap<>();
  private final Map<String, Zone> zones = new TreeMap<>();
  private final TreeSet<Problem> problems = new TreeSet<>();
  private final Map<String, Collection> collections = new TreeMap<>();

  public ModelBuilder add(Fragment f) {
    f.sources.forEach(s -> sources.putIfAbsent(s.id(), s));
    f.hosts.forEach(h -> hosts.merge(h.id(), h, ModelBuilder::mergeHost));
    f.components.forEach(c -> components.merge(c.id(), c, ModelBuilder::mergeComponent));
    f.dependencies.forEach(d -> dependencies.merge(d.key(), d, ModelBuilder::mergeDependency));
    f.zones.forEach(z -> zones.merge(z.id(), z, ModelBuilder::mergeZone));
    problems.addAll(f.problems);
    f.collections.forEach(c -> collections.putIfAbsent(c.source(), c));
    return this;
  }

  public Model build(Model.GeneratedBy by, String generatedAt) {
    List<Dependency> deps = new ArrayList<>(new TreeSet<>(dependencies.values()));
    deps.removeIf(d -> !components.containsKey(d.from()) || !components.containsKey(d.to()));
    return new Model(
        Model.SCHEMA_VERSION,
        by,
        generatedAt,
        List.copyOf(sources.values()),
        List.copyOf(hosts.values()),
        List.copyOf(components.values()),
        List.copyOf(deps),
        List.copyOf(zones.values()),
        List.of(),
        List.copyOf(problems),
        List.copyOf(collections.values()));
  }

  private static Host mergeHost(Host a, Host b) {
    TreeSet<String> addresses = new TreeSet<>(a.addresses());
    addresses.addAll(b.addresses());
    Map<String, String> cloud = new TreeMap<>(b.cloud());
    cloud.putAll(a.cloud());
    return new Host(a.id(), first(a.hostname(), b.hostname()), first(a.os(), b.os()),
        first(a.kernel(), b.kernel()), List.copyOf(addresses), first(a.cpu(), b.cpu()),
        first(a.memory(), b.memory()), cloud, union(a.evidence(), b.evidence()), union(a.groups(), b.groups()));
  }

  private static Component mergeComponent(Component a, Component b) {
    Map<String, String> attributes = new TreeMap<>(b.attributes());
    attributes.putAll(a.attributes());
    return new Component(a.id(), a.name(), a.kind(), first(a.technology(), b.technology()),
        first(a.version(), b.version()), first(a.host(), b.host()), first(a.source(), b.source()),
        Math.max(a.instances(), b.instances()), first(a.runsAs(), b.runsAs()),
        first(a.managedBy(), b.managedBy()), union(a.listens(), b.listens()), attributes,
        Sorted.ordered(concat(a.evidence(), b.evidence())));
  }

  private static Dependency mergeDependency(Dependency a, Dependency b) {
    return new Dependency(a.from(), a.to(), first(a.protocol(), b.protocol()), a.port(), a.kind(),
        union(a.evidence(), b.evidence()));
  }

  private static Zone mergeZone(Zone a, Zone b) {
    Map<String, String> attributes = new TreeMap<>(b.attributes());
    attributes.putAll(a.attributes());
    return new Zone(a.id(), a.name(), a.kind(), first(a.cidr(), b.cidr()),
        first(a.parent(), b.parent()), attributes, Sorted.ordered(concat(a.evidence(), b.evidence())));
  }

  private static String first(String a, String b) {
    return a.isEmpty() ? b : a;
  }

  /** The first's items, then the second's: evidence keeps its producers' order (see Sorted.ordered). */
  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> all = new java.util.ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static <T extends Comparable<? super T>> List<T> union(List<T> a, List<T> b) {
    TreeSet<T> all = new TreeSet<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }

}
