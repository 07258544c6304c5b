package dev.infradoc.analyze.rules;

import dev.infradoc.analyze.BaseRule;
import dev.infradoc.analyze.ModelIndex;
import dev.infradoc.model.Component;
import dev.infradoc.model.ComponentKind;
import dev.infradoc.model.Finding;
import dev.infradoc.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** An application, worker or web server whose serving processes run as root. */
public final class RootApplicationRule extends BaseRule {
  private static final Set<ComponentKind> SERVING = Set.of(ComponentKind.APPLICATION,
      ComponentKind.WORKER, ComponentKind.WEB_SERVER, ComponentKind.LOAD_BALANCER);

  public RootApplicationRule() {
    super("security.process.serves-as-root", Severity.MEDIUM, "A web server, application or worker serves requests as root");
  }

  @Override
  public List<Finding> check(ModelIndex index) {
    List<Finding> out = new ArrayList<>();
    for (Component c : index.model().components()) {
      if (!SERVING.contains(c.kind()) || !c.runsAs().equals("root")) continue;
      String workers = c.attribute("workersRunAs");
      if (!workers.isEmpty() && !workers.equals("root")) continue;
      boolean hasWorkers = !c.attribute("workers").isEmpty();
      out.add(finding(c.id(), c.name() + " runs as root",
          c.name() + " on " + hostName(c) + (hasWorkers ? " and its " + c.attribute("workers") + " workers run" : " runs")
              + " as root: a flaw in its code or libraries gives an attacker the whole host.",
          List.of(c.id()), pick(c),
          "Run " + c.name() + " as a dedicated unprivileged user (systemd User=, gunicorn --user, or the "
              + "service's own user setting); keep root only for a master that must bind ports below 1024."));
    }
    return out;
  }

  private static List<dev.infradoc.model.Evidence> pick(Component c) {
    var ps = c.evidence().stream().filter(e -> e.locator().startsWith("ps ")).toList();
    return ps.isEmpty() ? declaration(c) : ps;
  }
}
