package dev.infradoc.analyze.rules;

import dev.infradoc.analyze.Rule;
import dev.infradoc.model.Component;
import dev.infradoc.model.ComponentKind;
import dev.infradoc.model.Finding;
import dev.infradoc.model.Model;
import dev.infradoc.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** An application, worker or web server whose serving processes run as root. */
public final class RootApplicationRule implements Rule {
  private static final Set<ComponentKind> SERVING = Set.of(ComponentKind.APPLICATION,
      ComponentKind.WORKER, ComponentKind.WEB_SERVER, ComponentKind.LOAD_BALANCER);

  @Override
  public String id() {
    return "security.process.serves-as-root";
  }

  @Override
  public List<Finding> check(Model model) {
    List<Finding> out = new ArrayList<>();
    for (Component c : model.components()) {
      if (!SERVING.contains(c.kind()) || !c.runsAs().equals("root")) continue;
      String workers = c.attribute("workersRunAs");
      if (!workers.isEmpty() && !workers.equals("root")) continue;
      boolean hasWorkers = !c.attribute("workers").isEmpty();
      out.add(new Finding(Findings.id(id(), c), id(), Severity.MEDIUM,
          c.name() + " runs as root",
          c.name() + " on " + Findings.host(c) + (hasWorkers ? " and its " + c.attribute("workers") + " workers run" : " runs")
              + " as root: a flaw in its code or libraries gives an attacker the whole host.",
          List.of(c.id()), Findings.evidence(c, e -> e.locator().startsWith("ps ")),
          "Run " + c.name() + " as a dedicated unprivileged user (systemd User=, gunicorn --user, or the "
              + "service's own user setting); keep root only for a master that must bind ports below 1024."));
    }
    return out;
  }
}
