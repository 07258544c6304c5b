package dev.infradoc.collect.inventory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Ansible's group model, filled by the INI and YAML readers alike: groups hold hosts, variables and
 * child groups. A host is in its groups and in every ancestor of them; variables apply from the
 * most general group to the most specific, then the host's own (Ansible's precedence, simplified:
 * siblings at the same depth apply in name order).
 */
final class GroupTree {
  static final String ALL = "all";
  static final String UNGROUPED = "ungrouped";

  private final Map<String, Map<String, String>> hostVars = new TreeMap<>();
  private final Map<String, String> hostAt = new HashMap<>();
  private final Map<String, Set<String>> groupHosts = new TreeMap<>();
  private final Map<String, Map<String, String>> groupVars = new TreeMap<>();
  private final Map<String, Set<String>> children = new TreeMap<>();

  void host(String group, String name, Map<String, String> vars, String at) {
    group(group);
    groupHosts.get(group).add(name);
    hostVars.computeIfAbsent(name, k -> new LinkedHashMap<>()).putAll(vars);
    hostAt.putIfAbsent(name, at);
  }

  void group(String group) {
    groupHosts.computeIfAbsent(group, k -> new TreeSet<>());
  }

  void groupVar(String group, String key, String value) {
    group(group);
    groupVars.computeIfAbsent(group, k -> new LinkedHashMap<>()).put(key, value);
  }

  void child(String parent, String child) {
    group(parent);
    group(child);
    children.computeIfAbsent(parent, k -> new TreeSet<>()).add(child);
  }

  List<InventoryHost> hosts(Path inventoryDir) {
    Map<String, Set<String>> parents = new HashMap<>();
    children.forEach((p, cs) -> cs.forEach(c -> parents.computeIfAbsent(c, k -> new TreeSet<>()).add(p)));
    List<InventoryHost> out = new ArrayList<>();
    for (String name : hostVars.keySet()) {
      Set<String> groups = new TreeSet<>();
      groupHosts.forEach((g, hs) -> {
        if (hs.contains(name)) ancestors(g, parents, groups);
      });
      groups.add(ALL);
      Map<String, String> vars = new LinkedHashMap<>();
      groups.stream().sorted(Comparator.comparing((String g) -> !g.equals(ALL))
          .thenComparingInt(g -> depth(g, parents, new TreeSet<>()))
          .thenComparing(Comparator.naturalOrder()))
          .forEach(g -> vars.putAll(groupVars.getOrDefault(g, Map.of())));
      vars.putAll(hostVars.get(name));
      groups.remove(ALL);
      groups.remove(UNGROUPED);
      out.add(HostVars.toHost(name, vars, List.copyOf(groups), inventoryDir, hostAt.get(name)));
    }
    return out;
  }

  private static void ancestors(String g, Map<String, Set<String>> parents, Set<String> into) {
    if (!into.add(g)) return; // cycles in children are cut
    parents.getOrDefault(g, Set.of()).forEach(p -> ancestors(p, parents, into));
  }

  private static int depth(String g, Map<String, Set<String>> parents, Set<String> seen) {
    if (!seen.add(g)) return 0;
    int d = 0;
    for (String p : parents.getOrDefault(g, Set.of())) d = Math.max(d, 1 + depth(p, parents, seen));
    return d;
  }
}
