package dev.infradoc.render;

import dev.infradoc.model.Component;
import dev.infradoc.model.Dependency;
import dev.infradoc.model.Host;
import dev.infradoc.model.Model;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The part of a fleet's model one host's page shows: the host, its components, every dependency
 * touching them and the components at the other end (on other hosts or outside), the findings about
 * its components, and the problems and collections of its own sources.
 */
public final class HostSlice {
  private HostSlice() {}

  public static Model of(Model model, Host host) {
    Set<String> own = new HashSet<>();
    Set<String> sources = new HashSet<>();
    for (Component c : model.components()) {
      if (c.host().equals(host.id())) {
        own.add(c.id());
        sources.add(c.source());
      }
    }
    host.evidence().forEach(e -> sources.add(e.source()));
    List<Dependency> deps = model.dependencies().stream()
        .filter(d -> own.contains(d.from()) || own.contains(d.to())).toList();
    Set<String> shown = new HashSet<>(own);
    deps.forEach(d -> {
      shown.add(d.from());
      shown.add(d.to());
    });
    return new Model(model.schemaVersion(), model.generatedBy(), model.generatedAt(),
        model.sources().stream().filter(s -> sources.contains(s.id())).toList(),
        List.of(host),
        model.components().stream().filter(c -> shown.contains(c.id())).toList(),
        deps,
        model.zones(),
        model.findings().stream().filter(f -> f.components().stream().anyMatch(own::contains)).toList(),
        model.problems().stream().filter(p -> sources.contains(p.source())).toList(),
        model.collections().stream().filter(c -> sources.contains(c.source())).toList());
  }
}
