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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    in.hosts.forEach(h -> out.hosts.add(new Host(h.id(), h.hostname(), h.os(), h.kernel(), h.addresses(), h.cpu(),
        h.memory(), values(h.cloud(), r), evidence(h.evidence(), r))));
    in.components.forEach(c -> out.components.add(new Component(c.id(), c.name(), c.kind(), c.technology(),
        c.version(), c.host(), c.source(), c.instances(), c.runsAs(), c.managedBy(), c.listens(),
        values(c.attributes(), r), evidence(c.evidence(), r))));
    in.dependencies.forEach(d -> out.dependencies.add(
        new Dependency(d.from(), d.to(), d.protocol(), d.port(), d.kind(), evidence(d.evidence(), r))));
    in.zones.forEach(z -> out.zones.add(new Zone(z.id(), z.name(), z.kind(), z.cidr(), z.parent(),
        values(z.attributes(), r), evidence(z.evidence(), r))));
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

  private static Map<String, String> values(Map<String, String> map, UnaryOperator<String> r) {
    Map<String, String> out = new LinkedHashMap<>();
    map.forEach((k, v) -> out.put(k, r.apply(v)));
    return out;
  }

  private static List<Evidence> evidence(List<Evidence> list, UnaryOperator<String> r) {
    return list.stream().map(e -> Evidence.of(e.source(), e.locator(), r.apply(e.excerpt()))).toList();
  }
}
