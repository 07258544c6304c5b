package dev.infradoc.analyze.rules;

import dev.infradoc.analyze.BaseRule;
import dev.infradoc.analyze.ModelIndex;
import dev.infradoc.model.Component;
import dev.infradoc.model.ComponentKind;
import dev.infradoc.model.Dependency;
import dev.infradoc.model.Finding;
import dev.infradoc.model.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** An application and the single-instance data store it uses run on the same single host. */
public final class SharedHostDatastoreRule extends BaseRule {
  private static final Set<ComponentKind> DATA = Set.of(ComponentKind.DATABASE, ComponentKind.CACHE, ComponentKind.QUEUE);

  public SharedHostDatastoreRule() {
    super("availability.host.app-and-datastore-together", Severity.MEDIUM, "An application and its data store share one host");
  }

  @Override
  public List<Finding> check(ModelIndex index) {
    List<Finding> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Dependency d : index.model().dependencies()) {
      Component from = index.component(d.from());
      Component to = index.component(d.to());
      if (from == null || to == null || from.host().isEmpty() || !from.host().equals(to.host())) continue;
      if (from.kind() != ComponentKind.APPLICATION || !DATA.contains(to.kind()) || to.instances() > 1) continue;
      if (!seen.add(from.id() + "->" + to.id())) continue;
      out.add(finding(from.id() + "->" + to.id(), from.name() + " and its " + to.kind().id() + " " + to.name() + " share one host",
          from.name() + " uses " + to.name() + " (" + d.kind() + ", port " + d.port() + ") and both run on "
              + hostName(from) + " with one instance each: losing that host stops the application and its data together, and no replica was observed.",
          List.of(from.id(), to.id()), d.evidence(),
          "Move " + to.name() + " to its own host or a managed service with a standby replica, or document how the host is restored."));
    }
    return out;
  }
}
