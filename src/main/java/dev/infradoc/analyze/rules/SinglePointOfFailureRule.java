package dev.infradoc.analyze.rules;

import dev.infradoc.analyze.ArticulationPoints;
import dev.infradoc.analyze.BaseRule;
import dev.infradoc.analyze.ModelIndex;
import dev.infradoc.model.Component;
import dev.infradoc.model.Dependency;
import dev.infradoc.model.Finding;
import dev.infradoc.model.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A running single-instance component whose loss splits the observed/configured dependency graph
 * (an articulation point): every request path between the two sides goes through it.
 */
public final class SinglePointOfFailureRule extends BaseRule {
  public SinglePointOfFailureRule() {
    super("availability.graph.single-point-of-failure", Severity.MEDIUM,
        "A single-instance running component is an articulation point of the dependency graph");
  }

  @Override
  public List<Finding> check(ModelIndex index) {
    List<Component> nodes = new ArrayList<>();
    Map<String, Integer> at = new HashMap<>();
    for (Component c : index.model().components()) {
      if (c.host().isEmpty() || !onRequestPath(c)) continue;
      at.put(c.id(), nodes.size());
      nodes.add(c);
    }
    List<int[]> edges = new ArrayList<>();
    for (Dependency d : index.model().dependencies()) {
      if (d.kind().equals(Dependency.ALLOWED) || d.kind().equals(Dependency.DECLARED)) continue;
      Integer a = at.get(d.from());
      Integer b = at.get(d.to());
      if (a != null && b != null) edges.add(new int[] {a, b});
    }
    int[][] adj = ArticulationPoints.adjacency(nodes.size(), edges);
    List<Finding> out = new ArrayList<>();
    for (int i : ArticulationPoints.of(adj)) {
      Component c = nodes.get(i);
      if (c.instances() > 1) continue;
      TreeSet<String> neighbours = new TreeSet<>();
      for (int j : adj[i]) neighbours.add(nodes.get(j).name());
      List<Dependency> proof = new ArrayList<>(index.to(c.id()));
      proof.addAll(index.from(c.id()));
      out.add(finding(c.id(), c.name() + " on " + hostName(c) + " is a single point of failure",
          c.name() + " runs as one instance on " + hostName(c) + " and every observed or configured path between "
              + String.join(", ", neighbours) + " passes through it: if it stops, they are cut off from each other. No replica or failover was observed.",
          List.of(c.id()), proof.stream().flatMap(d -> d.evidence().stream()).distinct().limit(4).toList(),
          "Run a second instance of " + c.name() + " on another host behind a load balancer (or a standby with failover), so the path survives losing one."));
    }
    return out;
  }

  private static boolean onRequestPath(Component c) {
    String role = c.kind().role();
    return role.equals("edge") || role.equals("application") || role.equals("data");
  }
}
