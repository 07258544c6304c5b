package dev.infradoc.analyze.rules;

import dev.infradoc.analyze.BaseRule;
import dev.infradoc.analyze.ModelIndex;
import dev.infradoc.model.Component;
import dev.infradoc.model.Finding;
import dev.infradoc.model.Severity;
import java.util.ArrayList;
import java.util.List;

/** An ElastiCache replication group without in-transit encryption (stated false, or not stated: the default is off). */
public final class CacheTransitEncryptionRule extends BaseRule {
  public CacheTransitEncryptionRule() {
    super("encryption.transit.cache", Severity.MEDIUM, "A managed cache does not encrypt traffic in transit");
  }

  @Override
  public List<Finding> check(ModelIndex index) {
    List<Finding> out = new ArrayList<>();
    for (Component c : index.ofType("aws_elasticache_replication_group")) {
      if (isTrue(c, "transit_encryption_enabled")) continue;
      boolean unstated = c.attribute("transit_encryption_enabled").isEmpty();
      out.add(finding(c.id(), unstated ? "In-transit encryption of " + c.name() + " is not stated" : c.name() + " does not encrypt traffic in transit",
          c.name() + (unstated ? " does not set transit_encryption_enabled (default false)" : " sets transit_encryption_enabled = false")
              + ": clients send commands, data and any AUTH token in clear text inside the VPC.",
          List.of(c.id()), evidenceFor(c, "transit_encryption_enabled"),
          "Set transit_encryption_enabled = true on " + c.name() + " and connect with TLS (rediss://)."));
    }
    return out;
  }
}
