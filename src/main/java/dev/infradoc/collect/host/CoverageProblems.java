package dev.infradoc.collect.host;

import dev.infradoc.model.Problem;
import java.util.ArrayList;
import java.util.List;

/** What the probe could not read on a host, and why, in words a person can act on. */
final class CoverageProblems {
  private CoverageProblems() {}

  static List<Problem> of(String source, ProbeOutput round1, ProbeOutput round2, HostFacts facts,
      boolean root, List<String> skippedPaths, java.util.Map<Integer, Draft> byPid) {
    List<Problem> problems = new ArrayList<>();
    String asRoot = root ? "" : "run the scan as root or with --sudo";
    long deniedLinks = round1.section("proclinks").map(s -> s.errors().stream()
        .filter(e -> e.contains("Permission denied")).count()).orElse(0L);
    if (deniedLinks > 0) {
      problems.add(new Problem(source, "working directory or executable of " + deniedLinks / 2 + "+ processes",
          "permission denied reading /proc/PID/cwd and /proc/PID/exe", asRoot));
    }
    long ownerless = facts.sockets().stream().filter(s -> (s.listening() || s.established()) && s.pids().isEmpty()).count();
    if (ownerless > 0) {
      String why = round1.lines("sockets").stream().anyMatch(l -> l.startsWith("fallback=proc"))
          ? "neither ss nor netstat is installed; /proc/net/tcp has no owners"
          : "ss shows the owning process only for sockets the scanning user may inspect";
      problems.add(new Problem(source, "owning process of " + ownerless + (ownerless == 1 ? " socket" : " sockets"), why,
          root ? "" : asRoot));
    }
    for (ProbeOutput.Section s : round1.all()) {
      if (s.exitCode() == -1) {
        problems.add(new Problem(source, "probe section '" + s.name() + "'", "output ended before the section finished", "raise --command-timeout"));
      } else if (s.exitCode() == 127) {
        problems.add(new Problem(source, "probe section '" + s.name() + "'", firstLine(s.errors(), "a command is missing"), "install the tool or accept the gap"));
      } else if (s.exitCode() != 0 && !s.name().equals("proclinks") && !s.name().equals("cgroups")) {
        problems.add(new Problem(source, "probe section '" + s.name() + "'", firstLine(s.errors(), "exit code " + s.exitCode()), root ? "" : asRoot));
      }
    }
    round1.section("cron").ifPresent(s -> s.errors().stream().filter(e -> e.startsWith("unreadable:"))
        .forEach(e -> problems.add(new Problem(source, "user crontabs (" + e.substring(11).trim() + ")", "permission denied", asRoot))));
    // One row per reason, naming the components whose environment could not be read.
    java.util.Map<String, java.util.TreeSet<String>> envByReason = new java.util.TreeMap<>();
    for (ProbeOutput.Section s : round2.all()) {
      if (!s.name().startsWith("env ") || s.ok()) continue;
      String reason = firstLine(s.errors(), "not readable");
      // The section name comes back from the target: only a plain number is a pid.
      String pid = s.name().substring(4).trim();
      Draft d = pid.matches("\\d{1,9}") ? byPid.get(Integer.parseInt(pid)) : null;
      envByReason.computeIfAbsent(reason, k -> new java.util.TreeSet<>()).add(d == null ? s.name().substring(4) : d.name);
    }
    envByReason.forEach((reason, names) -> {
      boolean gone = reason.contains("No such");
      List<String> shown = new ArrayList<>(names).subList(0, Math.min(5, names.size()));
      String more = names.size() > 5 ? " and " + (names.size() - 5) + " more" : "";
      problems.add(new Problem(source, "environment of " + String.join(", ", shown) + more,
          gone ? "the process exited between the two probe rounds" : reason,
          gone ? "scan again if the process is long-lived" : asRoot));
    });
    for (String path : skippedPaths) {
      problems.add(new Problem(source, "file with a control character in its path", "not requested: it cannot be passed safely", ""));
    }
    return problems;
  }

  private static String firstLine(List<String> lines, String fallback) {
    return lines.stream().filter(l -> !l.isBlank()).findFirst()
        .map(l -> l.replaceFirst("^(sh|infradoc): \\d+: ", "").replaceAll("/proc/\\d+/", "/proc/PID/")).orElse(fallback);
  }

}
