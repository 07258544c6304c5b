package dev.infradoc.collect.host.parse;

import java.util.List;

/** One row of the process table, joined later with its cwd, executable and cgroup unit. */
public record ProcessInfo(
    int pid, int ppid, String user, long elapsedSeconds, String args, List<String> argv, int line) {

  /** Kernel threads are children of kthreadd (pid 2) or kthreadd itself. */
  public boolean isKernelThread() {
    return pid == 2 || ppid == 2 || (args.startsWith("[") && args.endsWith("]"));
  }
}
