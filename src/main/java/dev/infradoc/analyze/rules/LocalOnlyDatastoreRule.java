package dev.infradoc.analyze.rules;

import dev.infradoc.analyze.BaseRule;
import dev.infradoc.analyze.ModelIndex;
import dev.infradoc.model.Component;
import dev.infradoc.model.ComponentKind;
import dev.infradoc.model.Dependency;
import dev.infradoc.model.Finding;
import dev.infradoc.model.Listen;
import dev.infradoc.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Application state in a single-instance data store bound to loopback on the application's host:
 * a second application host could not reach it, so the application cannot be scaled out as deployed.
 */
public final class LocalOnlyDatastoreRule extends BaseRule {
  private static final Set<ComponentKind> DATA = Set.of(ComponentKind.DATABASE, ComponentKind.CACHE, ComponentKind.QUEUE);

  public LocalOnlyDatastoreRule() {
    super("scale.stateful.local-only-datastore", Severity.LOW, "Application state lives in a loopback-only data store on the application's host");
  }

  @Override
  public List<Finding> check(ModelIndex index) {
    List<Finding> out = new ArrayList<>();
    for (Component store : index.model().components()) {
      if (!DATA.contains(store.kind()) || store.host().isEmpty() || store.listens().isEmpty()) continue;
      if (store.listens().stream().anyMatch(Listen::isPublic)) continue;
      TreeSet<String> users = new TreeSet<>();
      List<Dependency> proof = new ArrayList<>();
      for (Dependency d : index.to(store.id())) {
        Component from = index.component(d.from());
        if (from != null && from.kind() == ComponentKind.APPLICATION && from.host().equals(store.host()) && users.add(from.name())) proof.add(d);
      }
      if (users.isEmpty()) continue;
      String addresses = String.join(", ", store.listens().stream().map(l -> l.address() + ":" + l.port()).toList());
      out.add(finding(store.id(), String.join(", ", users) + " cannot scale out past " + hostName(store) + ": " + store.name() + " is local-only",
          String.join(", ", users) + " keeps state in " + store.name() + ", which listens only on " + addresses + " on " + hostName(store)
              + ": an application instance on a second host could not reach it, so the application scales only vertically as deployed.",
          List.of(store.id()), proof.stream().flatMap(d -> d.evidence().stream()).limit(3).toList(),
          "Before adding application hosts, move " + store.name() + " to its own host or a managed service reachable on the private network."));
    }
    return out;
  }
}
