package dev.infradoc.analyze.rules;

import dev.infradoc.analyze.Rule;
import dev.infradoc.model.Component;
import dev.infradoc.model.ComponentKind;
import dev.infradoc.model.Dependency;
import dev.infradoc.model.Finding;
import dev.infradoc.model.Model;
import dev.infradoc.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** An application and the single-instance data store it uses run on the same single host. */
public final class SharedHostDatastoreRule implements Rule {
  private static final Set<ComponentKind> DATA = Set.of(ComponentKind.DATABASE, ComponentKind.CACHE, ComponentKind.QUEUE);

  @Override
  public String id() {
    return "availability.host.app-and-datastore-together";
  }

  @Override
  public List<Finding> check(Model model) {
    Map<String, Component> byId = model.componentsById();
    List<Finding> out = new ArrayList<>();
    for (Dependency d : model.dependencies()) {
      Component from = byId.get(d.from());
      Component to = byId.get(d.to());
      if (from == null || to == null || from.host().isEmpty() || !from.host().equals(to.host())) continue;
      if (from.kind() != ComponentKind.APPLICATION || !DATA.contains(to.kind()) || to.instances() > 1) continue;
      String fid = id() + ":" + from.id() + "->" + to.id();
      if (out.stream().anyMatch(f -> f.id().equals(fid))) continue;
      out.add(new Finding(fid, id(), Severity.MEDIUM,
          from.name() + " and its " + to.kind().id() + " " + to.name() + " share one host",
          from.name() + " uses " + to.name() + " (" + d.kind() + ", port " + d.port() + ") and both run on "
              + Findings.host(from) + " with one instance each: losing that host stops the application and its data together, and no replica was observed.",
          List.of(from.id(), to.id()), d.evidence(),
          "Move " + to.name() + " to its own host or a managed service with a standby replica, or document how the host is restored."));
    }
    return out;
  }
}
