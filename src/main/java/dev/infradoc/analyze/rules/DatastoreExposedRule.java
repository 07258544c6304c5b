package dev.infradoc.analyze.rules;

import dev.infradoc.analyze.Rule;
import dev.infradoc.model.Component;
import dev.infradoc.model.ComponentKind;
import dev.infradoc.model.Finding;
import dev.infradoc.model.Listen;
import dev.infradoc.model.Model;
import dev.infradoc.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A database, cache, queue or search engine on a host listens on a non-loopback address. */
public final class DatastoreExposedRule implements Rule {
  private static final Set<ComponentKind> DATA = Set.of(ComponentKind.DATABASE, ComponentKind.CACHE,
      ComponentKind.QUEUE, ComponentKind.STREAM, ComponentKind.SEARCH);

  @Override
  public String id() {
    return "security.datastore.listens-beyond-loopback";
  }

  @Override
  public List<Finding> check(Model model) {
    List<Finding> out = new ArrayList<>();
    for (Component c : model.components()) {
      if (!DATA.contains(c.kind()) || c.host().isEmpty()) continue;
      List<Listen> open = c.listens().stream().filter(Listen::isPublic).toList();
      if (open.isEmpty()) continue;
      String where = String.join(", ", open.stream().map(l -> l.address() + ":" + l.port()).toList());
      out.add(new Finding(Findings.id(id(), c), id(), Severity.HIGH,
          c.name() + " listens beyond loopback",
          c.name() + " (" + c.kind().id() + ") on " + c.host() + " accepts connections on " + where
              + ". InfraDoc did not read firewall rules, so whether other machines can reach it is not established.",
          List.of(c.id()), Findings.evidence(c, e -> e.excerpt().contains("LISTEN")),
          "Bind " + c.name() + " to 127.0.0.1 (or a private interface) if only local clients use it; otherwise restrict port "
              + open.get(0).port() + " to known clients with a firewall or security group."));
    }
    return out;
  }
}
