package dev.infradoc.analyze.rules;

import dev.infradoc.analyze.BaseRule;
import dev.infradoc.analyze.ModelIndex;
import dev.infradoc.analyze.RuleData;
import dev.infradoc.model.Finding;
import dev.infradoc.model.Host;
import dev.infradoc.model.Severity;
import java.util.ArrayList;
import java.util.List;

/** No time synchronisation daemon (chrony, ntpd, systemd-timesyncd) was seen running on a scanned host. */
public final class NoTimeSyncRule extends BaseRule {
  public NoTimeSyncRule() {
    super("hygiene.host.no-time-sync", Severity.LOW, "No time synchronisation daemon runs on a host");
  }

  @Override
  public List<Finding> check(ModelIndex index) {
    List<String> sync = RuleData.get().timeSync();
    List<Finding> out = new ArrayList<>();
    for (Host h : index.model().hosts()) {
      if (index.onHost(h.id()).stream().anyMatch(c -> sync.contains(c.technology()))) continue;
      out.add(finding(h.id(), "No time synchronisation observed on " + h.hostname(),
          "None of " + String.join(", ", sync) + " runs on " + h.hostname() + ". Clock drift breaks TLS validity checks, token "
              + "expiry and log correlation. (A container or VM may take its time from the host, which this scan cannot see.)",
          List.of(), h.evidence().stream().limit(1).toList(),
          "Run chrony (or systemd-timesyncd) on " + h.hostname() + " against the cloud provider's or your NTP servers."));
    }
    return out;
  }
}
