package dev.infradoc.analyze.rules;

import dev.infradoc.analyze.BaseRule;
import dev.infradoc.analyze.HostLinks;
import dev.infradoc.analyze.ModelIndex;
import dev.infradoc.model.Component;
import dev.infradoc.model.Evidence;
import dev.infradoc.model.Finding;
import dev.infradoc.model.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * Declared versus running: instances the code declares that no scanned host is. Only when at least
 * one declared instance matched a scanned host (so the scan covered this code's machines), and as
 * one finding listing them all, since an unscanned instance is as likely as a missing one.
 */
public final class DeclaredNotRunningRule extends BaseRule {
  public DeclaredNotRunningRule() {
    super("drift.declared-not-running", Severity.INFO, "Declared instances that no scanned host matches, when others did match");
  }

  @Override
  public List<Finding> check(ModelIndex index) {
    HostLinks links = index.hostLinks();
    List<Component> missing = links.unmatchedDeclared();
    if (links.links().isEmpty() || missing.isEmpty()) return List.of();
    List<String> ids = missing.stream().map(Component::id).toList();
    List<String> shown = missing.stream().map(c -> c.id() + describe(c)).toList();
    List<Evidence> evidence = new ArrayList<>();
    missing.forEach(c -> evidence.addAll(evidenceFor(c, "private_ip", "public_ip", "Name")));
    return List.of(finding("instances", missing.size() + " declared instance(s) match no scanned host",
        links.links().size() + " of " + links.declaredInstances().size() + " declared instances matched a scanned host by address or Name tag;"
            + " these did not: " + String.join("; ", shown)
            + ". Either they were not in the scan's targets, or they do not run (stopped, failed, never applied).",
        ids, evidence,
        "Add the hosts of " + String.join(", ", ids) + " to the scan targets; if they are not running, apply the code or remove them from it."));
  }

  private static String describe(Component c) {
    List<String> parts = new ArrayList<>();
    for (String a : List.of("private_ip", "public_ip", "tags.Name")) if (!c.attribute(a).isEmpty()) parts.add(a + " " + c.attribute(a));
    return parts.isEmpty() ? " (no address or Name tag in the code)" : " (" + String.join(", ", parts) + ")";
  }
}
