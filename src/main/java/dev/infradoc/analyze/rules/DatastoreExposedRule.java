package dev.infradoc.analyze.rules;

import dev.infradoc.analyze.BaseRule;
import dev.infradoc.analyze.ModelIndex;
import dev.infradoc.model.Component;
import dev.infradoc.model.ComponentKind;
import dev.infradoc.model.Finding;
import dev.infradoc.model.Listen;
import dev.infradoc.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A database, cache, queue or search engine on a host listens on a non-loopback address. */
public final class DatastoreExposedRule extends BaseRule {
  private static final Set<ComponentKind> DATA = Set.of(ComponentKind.DATABASE, ComponentKind.CACHE,
      ComponentKind.QUEUE, ComponentKind.STREAM, ComponentKind.SEARCH);

  public DatastoreExposedRule() {
    super("security.datastore.listens-beyond-loopback", Severity.HIGH,
        "A data store on a scanned host accepts connections on a non-loopback address");
  }

  @Override
  public List<Finding> check(ModelIndex index) {
    List<Finding> out = new ArrayList<>();
    for (Component c : index.model().components()) {
      if (!DATA.contains(c.kind()) || c.host().isEmpty()) continue;
      List<Listen> open = c.listens().stream().filter(Listen::isPublic).toList();
      if (open.isEmpty()) continue;
      String where = String.join(", ", open.stream().map(l -> l.address() + ":" + l.port()).toList());
      out.add(finding(c.id(), c.name() + " listens beyond loopback",
          c.name() + " (" + c.kind().id() + ") on " + hostName(c) + " accepts connections on " + where
              + ". InfraDoc did not read host firewall rules, so whether other machines can reach it is not established.",
          List.of(c.id()), pick(c),
          "Bind " + c.name() + " to 127.0.0.1 (or a private interface) if only local clients use it; otherwise restrict port "
              + open.get(0).port() + " to known clients with a firewall or security group."));
    }
    return out;
  }

  private static List<dev.infradoc.model.Evidence> pick(Component c) {
    List<dev.infradoc.model.Evidence> l = c.evidence().stream().filter(e -> e.excerpt().contains("LISTEN")).toList();
    return l.isEmpty() ? declaration(c) : l;
  }
}
