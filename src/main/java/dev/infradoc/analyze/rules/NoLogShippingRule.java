package dev.infradoc.analyze.rules;

import dev.infradoc.analyze.BaseRule;
import dev.infradoc.analyze.ModelIndex;
import dev.infradoc.analyze.RuleData;
import dev.infradoc.model.Finding;
import dev.infradoc.model.Host;
import dev.infradoc.model.Severity;
import java.util.ArrayList;
import java.util.List;

/** No log shipper (Fluent Bit, Vector, Filebeat...) was seen running on a scanned host: its logs live and die with it. */
public final class NoLogShippingRule extends BaseRule {
  public NoLogShippingRule() {
    super("hygiene.host.no-log-shipping", Severity.LOW, "No log shipper runs on a host");
  }

  @Override
  public List<Finding> check(ModelIndex index) {
    List<String> shippers = RuleData.get().logShippers();
    List<Finding> out = new ArrayList<>();
    for (Host h : index.model().hosts()) {
      if (index.onHost(h.id()).stream().anyMatch(c -> shippers.contains(c.technology()))) continue;
      out.add(finding(h.id(), "No log shipping observed on " + h.hostname(),
          "No log shipper (" + String.join(", ", shippers.subList(0, 5)) + "...) runs on " + h.hostname()
              + ": logs stay on the host, are lost with it, and an intruder can erase them. (rsyslog forwarding rules were not read.)",
          List.of(), h.evidence().stream().limit(1).toList(),
          "Ship " + h.hostname() + "'s logs to a central store (Fluent Bit or Vector to CloudWatch, Loki or Elasticsearch) with a stated retention."));
    }
    return out;
  }
}
