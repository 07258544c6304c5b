package dev.infradoc.collect.host;

import dev.infradoc.collect.host.parse.ProcessInfo;
import dev.infradoc.knowledge.Knowledge;
import dev.infradoc.knowledge.ProgramName;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The scan's own processes: the probe shell and everything it started, and above it the SSH
 * session (or sudo, or the InfraDoc JVM for a local scan) that exists only because of the scan.
 * These never appear in the model.
 */
final class Footprint {
  private Footprint() {}

  static Set<Integer> of(HostFacts facts, Knowledge knowledge) {
    Map<Integer, ProcessInfo> byPid = new HashMap<>();
    facts.processes().forEach(p -> byPid.put(p.pid(), p));
    Set<Integer> own = new HashSet<>();
    int shell = parsePid(facts.metaValue("shell_pid"));
    if (shell <= 0) return own;
    own.add(shell);
    boolean grew = true;
    while (grew) {
      grew = false;
      for (ProcessInfo p : facts.processes()) {
        if (own.contains(p.ppid()) && own.add(p.pid())) grew = true;
      }
    }
    ProcessInfo current = byPid.get(shell);
    int parent = current != null ? current.ppid() : parsePid(facts.metaValue("parent_pid"));
    while (parent > 1 && byPid.containsKey(parent)) {
      ProcessInfo p = byPid.get(parent);
      if (!isScanAncestor(p, knowledge)) break;
      own.add(p.pid());
      parent = p.ppid();
    }
    return own;
  }

  private static boolean isScanAncestor(ProcessInfo p, Knowledge knowledge) {
    if (p.args().contains("dev.infradoc.cli.Main") || p.args().matches(".*\\sjava\\s.*|^\\S*java\\s.*") && p.args().contains("infradoc.jar")) return true;
    String program = ProgramName.of(p.argv());
    return knowledge.process(program, p.args()).map(s -> s.role().equals("session")).orElse(false);
  }

  private static int parsePid(String s) {
    return s.matches("\\d+") ? Integer.parseInt(s) : -1;
  }
}
