package dev.infradoc.analyze.rules;

import dev.infradoc.analyze.BaseRule;
import dev.infradoc.analyze.ModelIndex;
import dev.infradoc.model.Component;
import dev.infradoc.model.ComponentKind;
import dev.infradoc.model.Finding;
import dev.infradoc.model.Host;
import dev.infradoc.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An application's worker count against its host's cores: more than 2 x cores + 1 (the usual upper
 * bound for pre-forked workers) oversubscribes the CPU; one worker on a multi-core host leaves cores idle.
 */
public final class WorkersAgainstCoresRule extends BaseRule {
  private static final Pattern CORES = Pattern.compile("^(\\d+)");

  public WorkersAgainstCoresRule() {
    super("scale.workers.against-cores", Severity.LOW, "An application's worker count does not fit its host's cores");
  }

  @Override
  public List<Finding> check(ModelIndex index) {
    List<Finding> out = new ArrayList<>();
    for (Component c : index.model().components()) {
      if (c.kind() != ComponentKind.APPLICATION || c.host().isEmpty()) continue;
      int workers = integer(c, "workers", -1);
      Host h = index.host(c.host());
      if (workers < 1 || h == null) continue;
      Matcher m = CORES.matcher(h.cpu());
      if (!m.find()) continue;
      int cores = Integer.parseInt(m.group(1));
      if (workers > 2 * cores + 1) {
        out.add(finding(c.id(), c.name() + " runs " + workers + " workers on " + cores + " cores",
            c.name() + " on " + hostName(c) + " has " + workers + " workers and the host has " + cores + " cores (\"" + h.cpu() + "\"): more than 2 x "
                + cores + " + 1 = " + (2 * cores + 1) + " CPU-bound workers only add context switches and memory.",
            List.of(c.id()), evidence(c, h), "Lower the worker count of " + c.name() + " to at most " + (2 * cores + 1) + ", or use threads/async workers if they wait on I/O."));
      } else if (workers == 1 && cores >= 2) {
        out.add(finding(c.id(), c.name() + " runs 1 worker on " + cores + " cores",
            c.name() + " on " + hostName(c) + " has 1 worker process and the host has " + cores + " cores: it uses at most one core for requests, "
                + "and a slow request blocks the others.",
            List.of(c.id()), evidence(c, h), "Run " + cores + " to " + (2 * cores + 1) + " workers of " + c.name() + " (for gunicorn: --workers)."));
      }
    }
    return out;
  }

  private static List<dev.infradoc.model.Evidence> evidence(Component c, Host h) {
    List<dev.infradoc.model.Evidence> e = new ArrayList<>(c.evidence().stream().filter(x -> x.locator().startsWith("ps ")).limit(2).toList());
    h.evidence().stream().filter(x -> x.excerpt().contains("cpu") || x.locator().contains("cpuinfo")).limit(1).forEach(e::add);
    return e.isEmpty() ? declaration(c) : e;
  }
}
