package dev.infradoc.analyze.rules;

import dev.infradoc.analyze.HostLinks;
import dev.infradoc.analyze.BaseRule;
import dev.infradoc.analyze.ModelIndex;
import dev.infradoc.model.Finding;
import dev.infradoc.model.Host;
import dev.infradoc.model.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * Declared versus running: a scanned host that no declared instance is (by address or Name tag),
 * when the scanned code declares instances at all - a machine made by hand, or by code not scanned.
 */
public final class RunningNotDeclaredRule extends BaseRule {
  public RunningNotDeclaredRule() {
    super("drift.running-not-declared", Severity.LOW, "A scanned host that no declared instance in the scanned code matches");
  }

  @Override
  public List<Finding> check(ModelIndex index) {
    HostLinks links = index.hostLinks();
    if (links.declaredInstances().isEmpty()) return List.of();
    List<Finding> out = new ArrayList<>();
    for (Host h : links.unmatchedHosts(index)) {
      out.add(finding(h.id(), h.hostname() + " runs but no declared instance matches it",
          h.hostname() + " (addresses " + String.join(", ", h.addresses()) + ") matches none of the " + links.declaredInstances().size()
              + " declared instance(s) by private_ip, public_ip or tags.Name: it was made outside the scanned code, or its code was not scanned.",
          List.of(h.id()), h.evidence().stream().limit(3).toList(),
          "Declare " + h.hostname() + " in code (or import it with terraform import), or scan the repository that declares it."));
    }
    return out;
  }
}
