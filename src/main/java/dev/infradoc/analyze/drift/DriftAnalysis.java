package dev.infradoc.analyze.drift;

import dev.infradoc.analyze.drift.Change.Difference;
import dev.infradoc.analyze.drift.Change.Kind;
import dev.infradoc.analyze.drift.Change.Subject;
import dev.infradoc.model.Component;
import dev.infradoc.model.Dependency;
import dev.infradoc.model.Finding;
import dev.infradoc.model.Host;
import dev.infradoc.model.Listen;
import dev.infradoc.model.Model;
import dev.infradoc.model.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares two models element by element, by canonical id: a pure function, so the same two models
 * always give the same drift. Only facts are compared, never evidence locators or excerpts (a line
 * number moving in {@code ss} output is not drift).
 */
public final class DriftAnalysis {
  /** Attributes that change without the infrastructure changing (a container's "Up 3 hours"). */
  private static final Set<String> VOLATILE_ATTRIBUTES = Set.of("container.status");

  private DriftAnalysis() {}

  public static Drift compare(Model older, Model newer) {
    List<Change> changes = new ArrayList<>();
    Set<String> newerSources = newer.sources().stream().map(Source::id).collect(Collectors.toSet());
    Set<String> olderSources = older.sources().stream().map(Source::id).collect(Collectors.toSet());
    // A source the newer scan did not read (its target failed): its elements are unknown, not gone.
    Set<String> uncollected = new TreeSet<>();
    for (Source s : older.sources()) {
      if (!newerSources.contains(s.id())) {
        uncollected.add(s.id());
        changes.add(new Change(Subject.SOURCE, Kind.NOT_COLLECTED, s.id(), s.location(), List.of(), List.of()));
      }
    }
    for (Source s : newer.sources()) {
      if (!olderSources.contains(s.id())) {
        changes.add(new Change(Subject.SOURCE, Kind.ADDED, s.id(), s.location(), List.of(), List.of()));
      }
    }
    hosts(older, newer, uncollected, changes);
    Set<String> skipped = older.components().stream().filter(c -> uncollected.contains(c.source()))
        .map(Component::id).collect(Collectors.toSet());
    components(older, newer, skipped, changes);
    dependencies(older, newer, skipped, changes);
    findings(older, newer, uncollected, skipped, changes);
    return new Drift(older.generatedAt(), newer.generatedAt(), changes);
  }

  private static void hosts(Model older, Model newer, Set<String> uncollected, List<Change> out) {
    Map<String, Host> before = byId(older.hosts(), Host::id);
    Map<String, Host> after = byId(newer.hosts(), Host::id);
    for (Host o : before.values()) {
      if (after.containsKey(o.id())) continue;
      boolean unknown = !o.evidence().isEmpty() && o.evidence().stream().allMatch(e -> uncollected.contains(e.source()));
      if (!unknown) out.add(new Change(Subject.HOST, Kind.REMOVED, o.id(), o.hostname(), List.of(), o.evidence()));
    }
    for (Host n : after.values()) {
      Host o = before.get(n.id());
      if (o == null) {
        out.add(new Change(Subject.HOST, Kind.ADDED, n.id(), n.hostname(), List.of(), n.evidence()));
        continue;
      }
      List<Difference> d = new ArrayList<>();
      differ(d, "os", o.os(), n.os());
      differ(d, "kernel", o.kernel(), n.kernel());
      differ(d, "addresses", String.join(", ", o.addresses()), String.join(", ", n.addresses()));
      differ(d, "cpu", o.cpu(), n.cpu());
      differ(d, "memory", o.memory(), n.memory());
      differ(d, "groups", String.join(", ", o.groups()), String.join(", ", n.groups()));
      differ(d, "cloud", o.cloud().toString(), n.cloud().toString());
      if (!d.isEmpty()) out.add(new Change(Subject.HOST, Kind.CHANGED, n.id(), n.hostname(), d, n.evidence()));
    }
  }

  private static void components(Model older, Model newer, Set<String> skipped, List<Change> out) {
    Map<String, Component> before = byId(older.components(), Component::id);
    Map<String, Component> after = byId(newer.components(), Component::id);
    for (Component o : before.values()) {
      if (!after.containsKey(o.id()) && !skipped.contains(o.id())) {
        out.add(new Change(Subject.COMPONENT, Kind.REMOVED, o.id(), o.name(), List.of(), o.evidence()));
      }
    }
    for (Component n : after.values()) {
      Component o = before.get(n.id());
      if (o == null) {
        out.add(new Change(Subject.COMPONENT, Kind.ADDED, n.id(), n.name(), List.of(), n.evidence()));
        continue;
      }
      List<Difference> d = componentDifferences(o, n);
      if (!d.isEmpty()) out.add(new Change(Subject.COMPONENT, Kind.CHANGED, n.id(), n.name(), d, n.evidence()));
    }
  }

  /** The facts of one component that differ, in a fixed order: identity, version, scale, network, the rest. */
  static List<Difference> componentDifferences(Component o, Component n) {
    List<Difference> d = new ArrayList<>();
    differ(d, "name", o.name(), n.name());
    differ(d, "kind", o.kind().id(), n.kind().id());
    differ(d, "technology", o.technology(), n.technology());
    differ(d, "version", o.version(), n.version());
    differ(d, "instances", String.valueOf(o.instances()), String.valueOf(n.instances()));
    differ(d, "workers", o.attribute("workers"), n.attribute("workers"));
    differ(d, "runs as", o.runsAs(), n.runsAs());
    differ(d, "managed by", o.managedBy(), n.managedBy());
    differ(d, "listens", listens(o.listens()), listens(n.listens()));
    differ(d, "exposure", exposure(o.listens()), exposure(n.listens()));
    Set<String> keys = new TreeSet<>(o.attributes().keySet());
    keys.addAll(n.attributes().keySet());
    keys.remove("workers");
    keys.removeAll(VOLATILE_ATTRIBUTES);
    for (String k : keys) differ(d, "attribute " + k, o.attribute(k), n.attribute(k));
    return d;
  }

  private static String listens(List<Listen> listens) {
    return listens.stream().map(l -> l.address() + ":" + l.port() + "/" + l.protocol()).collect(Collectors.joining(", "));
  }

  /** Whether the component accepts connections from other machines: listening beyond loopback. */
  static String exposure(List<Listen> listens) {
    if (listens.isEmpty()) return "not listening";
    List<String> open = listens.stream().filter(Listen::isPublic).map(l -> l.address() + ":" + l.port()).toList();
    return open.isEmpty() ? "loopback only" : "beyond loopback on " + String.join(", ", open);
  }

  private static void dependencies(Model older, Model newer, Set<String> skipped, List<Change> out) {
    Map<String, Dependency> before = byId(older.dependencies(), Dependency::key);
    Map<String, Dependency> after = byId(newer.dependencies(), Dependency::key);
    for (Dependency o : before.values()) {
      if (after.containsKey(o.key()) || skipped.contains(o.from()) || skipped.contains(o.to())) continue;
      out.add(new Change(Subject.DEPENDENCY, Kind.REMOVED, o.key(), label(o), List.of(), o.evidence()));
    }
    for (Dependency n : after.values()) {
      Dependency o = before.get(n.key());
      if (o == null) {
        out.add(new Change(Subject.DEPENDENCY, Kind.ADDED, n.key(), label(n), List.of(), n.evidence()));
      } else if (!o.protocol().equals(n.protocol())) {
        out.add(new Change(Subject.DEPENDENCY, Kind.CHANGED, n.key(), label(n),
            List.of(new Difference("protocol", o.protocol(), n.protocol())), n.evidence()));
      }
    }
  }

  private static String label(Dependency d) {
    return d.from() + " -> " + d.to() + (d.port() == 0 ? "" : " port " + d.port()) + " (" + d.kind() + ")";
  }

  private static void findings(Model older, Model newer, Set<String> uncollected, Set<String> skipped, List<Change> out) {
    Map<String, Finding> before = byId(older.findings(), Finding::id);
    Map<String, Finding> after = byId(newer.findings(), Finding::id);
    for (Finding o : before.values()) {
      if (after.containsKey(o.id())) continue;
      boolean unknown = (!o.evidence().isEmpty() && o.evidence().stream().allMatch(e -> uncollected.contains(e.source())))
          || (!o.components().isEmpty() && skipped.containsAll(o.components()));
      if (!unknown) out.add(new Change(Subject.FINDING, Kind.REMOVED, o.id(), o.title(), List.of(), o.evidence()));
    }
    for (Finding n : after.values()) {
      Finding o = before.get(n.id());
      if (o == null) {
        out.add(new Change(Subject.FINDING, Kind.ADDED, n.id(), n.title(), List.of(), n.evidence()));
        continue;
      }
      List<Difference> d = new ArrayList<>();
      // Titles and details may carry the scan date or counts; severity and acceptance are what a reader acts on.
      differ(d, "severity", o.severity().id(), n.severity().id());
      differ(d, "accepted", o.accepted(), n.accepted());
      if (!d.isEmpty()) out.add(new Change(Subject.FINDING, Kind.CHANGED, n.id(), n.title(), d, n.evidence()));
    }
  }

  private static void differ(List<Difference> out, String what, String before, String after) {
    if (!before.equals(after)) out.add(new Difference(what, before, after));
  }

  /** Elements by id, sorted; a repeated id (not expected in a built model) keeps its first element. */
  private static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
    Map<String, T> m = new TreeMap<>();
    for (T t : items) m.putIfAbsent(id.apply(t), t);
    return m;
  }
}
