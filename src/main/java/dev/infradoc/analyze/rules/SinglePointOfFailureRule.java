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
    java.util.Set<Integer> points = ArticulationPoints.of(adj);
    for (int i : points) {
      Component c = nodes.get(i);
      if (c.instances() > 1) continue;
      List<Dependency> proof = new ArrayList<>();
      for (Dependency d : index.to(c.id())) if (at.containsKey(d.from()) && !d.kind().equals(Dependency.ALLOWED)) proof.add(d);
      for (Dependency d : index.from(c.id())) if (at.containsKey(d.to()) && !d.kind().equals(Dependency.ALLOWED)) proof.add(d);
      // Naming the parts costs a graph walk per point; past a few dozen points the finding says how many parts instead.
      String parts = points.size() <= 50 ? " (" + String.join("; ", parts(adj, i, nodes)) + ")" : "";
      out.add(finding(c.id(), c.name() + " on " + hostName(c) + " is a single point of failure",
          c.name() + " runs as one instance on " + hostName(c) + " and every observed or configured connection between the parts of the system"
              + " on either side of it passes through it: if it stops, the dependency graph splits" + parts + ". No replica or failover was observed.",
          List.of(c.id()), proof.stream().flatMap(d -> d.evidence().stream()).distinct().limit(4).toList(),
          "Run a second instance of " + c.name() + " on another host behind a load balancer (or a standby with failover), so the path survives losing one."));
    }
    return out;
  }

  /** The connected parts left when node {@code cut} is removed, each as up to 3 names. */
  private static List<String> parts(int[][] adj, int cut, List<Component> nodes) {
    boolean[] seen = new boolean[adj.length];
    seen[cut] = true;
    List<String> parts = new ArrayList<>();
    for (int start : adj[cut]) {
      if (seen[start]) continue;
      TreeSet<String> names = new TreeSet<>();
      java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>(List.of(start));
      seen[start] = true;
      while (!queue.isEmpty()) {
        int u = queue.poll();
        names.add(nodes.get(u).name());
        for (int v : adj[u]) if (!seen[v]) {
          seen[v] = true;
          queue.add(v);
        }
      }
      List<String> shown = names.stream().limit(3).toList();
      parts.add(String.join(", ", shown) + (names.size() > 3 ? " and " + (names.size() - 3) + " more" : ""));
    }
    return parts;
  }

  private static boolean onRequestPath(Component c) {
    String role = c.kind().role();
    return role.equals("edge") || role.equals("application") || role.equals("data");
  }
}
