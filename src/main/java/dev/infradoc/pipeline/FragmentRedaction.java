package dev.infradoc.pipeline;

import dev.infradoc.model.Collection;
import dev.infradoc.model.Component;
import dev.infradoc.model.Dependency;
import dev.infradoc.model.Evidence;
import dev.infradoc.model.Fragment;
import dev.infradoc.model.Host;
import dev.infradoc.model.Joins;
import dev.infradoc.model.Problem;
import dev.infradoc.model.Zone;
import dev.infradoc.redact.Redactor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The last redaction pass over every fragment, whatever collector made it: evidence excerpts,
 * attribute values, problems and step descriptions go through {@link Redactor#text} once more, so
 * a collector that forgot to redact one excerpt cannot leak it. Ids and names are left alone (they
 * are references); a redacted value is never redacted again.
 */
final class FragmentRedaction {
  private FragmentRedaction() {}

  static Fragment apply(Fragment in, Redactor redactor) {
    // The same excerpt is cited by many elements (a resource and each of its references): each
    // distinct text is redacted once (Redactor#text is a pure function of the text).
    Map<String, String> done = new java.util.HashMap<>();
    UnaryOperator<String> r = t -> t == null ? null : done.computeIfAbsent(t, redactor::text);
    Fragment out = new Fragment();
    out.sources.addAll(in.sources);
    // An element whose texts all come back unchanged (nearly all of them) is kept as it is.
    in.hosts.forEach(h -> {
      Map<String, String> cloud = values(h.cloud(), r);
      List<Evidence> evidence = evidence(h.evidence(), r);
      out.hosts.add(cloud == h.cloud() && evidence == h.evidence() ? h : new Host(h.id(), h.hostname(), h.os(),
          h.kernel(), h.addresses(), h.cpu(), h.memory(), cloud, evidence));
    });
    in.components.forEach(c -> {
      Map<String, String> attributes = values(c.attributes(), r);
      List<Evidence> evidence = evidence(c.evidence(), r);
      out.components.add(attributes == c.attributes() && evidence == c.evidence() ? c : new Component(c.id(), c.name(),
          c.kind(), c.technology(), c.version(), c.host(), c.source(), c.instances(), c.runsAs(), c.managedBy(),
          c.listens(), attributes, evidence));
    });
    in.dependencies.forEach(d -> {
      List<Evidence> evidence = evidence(d.evidence(), r);
      out.dependencies.add(evidence == d.evidence() ? d
          : new Dependency(d.from(), d.to(), d.protocol(), d.port(), d.kind(), evidence));
    });
    in.zones.forEach(z -> {
      Map<String, String> attributes = values(z.attributes(), r);
      List<Evidence> evidence = evidence(z.evidence(), r);
      out.zones.add(attributes == z.attributes() && evidence == z.evidence() ? z
          : new Zone(z.id(), z.name(), z.kind(), z.cidr(), z.parent(), attributes, evidence));
    });
    in.problems.forEach(p -> out.problems.add(new Problem(p.source(), r.apply(p.what()), r.apply(p.reason()), r.apply(p.hint()))));
    in.collections.forEach(c -> out.collections.add(new Collection(c.source(), c.steps().stream()
        .map(s -> new Collection.Step(s.name(), r.apply(s.what()), s.exitCode(), s.lines())).toList())));
    out.joins.files.addAll(in.joins.files);
    out.joins.names.addAll(in.joins.names);
    in.joins.uses.forEach(u -> out.joins.uses.add(new Joins.Use(u.component(), u.path(), u.how(),
        evidence(List.of(u.evidence()), r).get(0))));
    in.joins.references.forEach(x -> out.joins.references.add(
        new Joins.Reference(x.from(), x.host(), x.port(), x.protocol(), evidence(x.evidence(), r))));
    out.joins.units.addAll(in.joins.units);
    // Images and targets are only matched; what a document shows is the evidence and the text said.
    in.joins.runs.forEach(x -> out.joins.runs.add(new Joins.Runs(x.component(), x.image(), evidence(List.of(x.evidence()), r).get(0))));
    in.joins.deliveries.forEach(x -> out.joins.deliveries.add(new Joins.Delivery(x.job(), x.how(), x.target(), r.apply(x.said()),
        evidence(List.of(x.evidence()), r).get(0))));
    return out;
  }

  /** The map with its values redacted; the same map when no value changed. */
  private static Map<String, String> values(Map<String, String> map, UnaryOperator<String> r) {
    Map<String, String> out = new LinkedHashMap<>();
    boolean changed = false;
    for (Map.Entry<String, String> e : map.entrySet()) {
      String v = r.apply(e.getValue());
      changed |= !Objects.equals(v, e.getValue());
      out.put(e.getKey(), v);
    }
    return changed ? out : map;
  }

  /** The evidence with excerpts redacted; the same list when no excerpt changed. */
  private static List<Evidence> evidence(List<Evidence> list, UnaryOperator<String> r) {
    List<Evidence> out = new ArrayList<>(list.size());
    boolean changed = false;
    for (Evidence e : list) {
      String excerpt = r.apply(e.excerpt());
      boolean same = Objects.equals(excerpt, e.excerpt());
      changed |= !same;
      out.add(same ? e : Evidence.of(e.source(), e.locator(), excerpt));
    }
    return changed ? out : list;
  }
}
