package dev.infradoc.analyze.rules;

import dev.infradoc.analyze.BaseRule;
import dev.infradoc.analyze.ModelIndex;
import dev.infradoc.model.Component;
import dev.infradoc.model.Finding;
import dev.infradoc.model.Severity;
import java.util.ArrayList;
import java.util.List;

/** A managed cache with one node, so nothing can take over (or failover claimed with nothing to fail over to). */
public final class SingleNodeCacheRule extends BaseRule {
  public SingleNodeCacheRule() {
    super("availability.cache.single-node", Severity.LOW, "A managed cache has a single node");
  }

  @Override
  public List<Finding> check(ModelIndex index) {
    List<Finding> out = new ArrayList<>();
    for (Component c : index.ofType("aws_elasticache_cluster")) {
      int nodes = integer(c, "num_cache_nodes", c.attribute("num_cache_nodes").isEmpty() ? 1 : -1);
      if (nodes != 1) continue;
      out.add(finding(c.id(), c.name() + " has one cache node",
          c.name() + " " + stated(c, "num_cache_nodes", "default 1") + ": losing the node empties the cache and every client falls through to the database at once.",
          List.of(c.id()), evidenceFor(c, "num_cache_nodes"),
          "Use an aws_elasticache_replication_group with a replica in another zone and automatic_failover_enabled = true for " + c.name() + "."));
    }
    for (Component c : index.ofType("aws_elasticache_replication_group")) {
      boolean clustered = !c.attribute("num_node_groups").isEmpty() || !c.attribute("replicas_per_node_group").isEmpty();
      int nodes = integer(c, "num_cache_clusters", c.attribute("num_cache_clusters").isEmpty() && !clustered ? 1 : -1);
      if (nodes != 1) continue;
      boolean claimed = isTrue(c, "automatic_failover_enabled");
      out.add(finding(c.id(), c.name() + " has one cache node" + (claimed ? " but claims automatic failover" : ""),
          c.name() + " " + stated(c, "num_cache_clusters", "default 1") + (claimed ? " while automatic_failover_enabled = true: there is no replica to fail over to." : ": there is no replica to take over."),
          List.of(c.id()), evidenceFor(c, "num_cache_clusters", "automatic_failover_enabled"),
          "Set num_cache_clusters = 2 (a replica in another zone) with automatic_failover_enabled = true on " + c.name() + "."));
    }
    return out;
  }
}
