package dev.infradoc.analyze;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Articulation points of an undirected graph (iterative Tarjan, linear in nodes + edges): nodes whose loss splits it. */
public final class ArticulationPoints {
  private ArticulationPoints() {}

  /** {@code adjacency[i]} lists the neighbours of node i; returns the indexes of articulation points, sorted. */
  public static Set<Integer> of(int[][] adjacency) {
    int n = adjacency.length;
    int[] disc = new int[n];
    int[] low = new int[n];
    int[] parent = new int[n];
    int[] next = new int[n];
    Arrays.fill(disc, -1);
    Arrays.fill(parent, -1);
    Set<Integer> points = new TreeSet<>();
    int time = 0;
    Deque<Integer> stack = new ArrayDeque<>();
    for (int root = 0; root < n; root++) {
      if (disc[root] >= 0) continue;
      int rootChildren = 0;
      disc[root] = low[root] = time++;
      stack.push(root);
      while (!stack.isEmpty()) {
        int u = stack.peek();
        if (next[u] < adjacency[u].length) {
          int v = adjacency[u][next[u]++];
          if (disc[v] < 0) {
            parent[v] = u;
            if (u == root) rootChildren++;
            disc[v] = low[v] = time++;
            stack.push(v);
          } else if (v != parent[u]) {
            low[u] = Math.min(low[u], disc[v]);
          }
        } else {
          stack.pop();
          int p = parent[u];
          if (p >= 0) {
            low[p] = Math.min(low[p], low[u]);
            if (p != root && low[u] >= disc[p]) points.add(p);
          }
        }
      }
      if (rootChildren > 1) points.add(root);
    }
    return points;
  }

  /** Builds adjacency arrays from edge pairs over n nodes, ignoring self-loops and duplicates. */
  public static int[][] adjacency(int n, List<int[]> edges) {
    List<Set<Integer>> sets = new ArrayList<>(n);
    for (int i = 0; i < n; i++) sets.add(new java.util.HashSet<>());
    for (int[] e : edges) {
      if (e[0] == e[1]) continue;
      sets.get(e[0]).add(e[1]);
      sets.get(e[1]).add(e[0]);
    }
    int[][] adj = new int[n][];
    for (int i = 0; i < n; i++) adj[i] = sets.get(i).stream().mapToInt(Integer::intValue).sorted().toArray();
    return adj;
  }
}
