package dev.infradoc.analyze.rules;

import dev.infradoc.analyze.BaseRule;
import dev.infradoc.analyze.EolTable;
import dev.infradoc.analyze.ModelIndex;
import dev.infradoc.model.Finding;
import dev.infradoc.model.Host;
import dev.infradoc.model.Severity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A scanned host runs an OS release past its end of support (knowledge/eol.yaml), as of the scan's date. */
public final class EolOsRule extends BaseRule {
  public EolOsRule() {
    super("hygiene.eol.os", Severity.HIGH, "A host runs an operating system release past its end of support");
  }

  @Override
  public List<Finding> check(ModelIndex index) {
    LocalDate today = ScanDate.of(index);
    List<Finding> out = new ArrayList<>();
    for (Host h : index.model().hosts()) {
      EolTable.get().os(h.os()).filter(m -> m.end().isBefore(today)).ifPresent(m -> out.add(finding(h.id(),
          h.hostname() + " runs " + m.product() + " " + m.cycle() + ", past end of support",
          h.hostname() + " reports \"" + h.os() + "\". " + m.product() + " " + m.cycle() + " reached the end of " + m.support()
              + " on " + m.end() + " (end-of-life table updated " + EolTable.get().updated() + ", " + m.source() + "): it receives no security fixes.",
          List.of(), h.evidence().stream().filter(e -> e.locator().contains("os-release")).toList(),
          "Upgrade " + h.hostname() + " to a supported " + m.product() + " release, or replace the host.")));
    }
    return out;
  }
}
