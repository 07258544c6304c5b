package dev.infradoc.pipeline;

import java.util.List;

/**
 * Facts about this run that are not facts about the infrastructure: when it ran and how long each
 * phase took. They appear in one header line of each document, so equal inputs give equal bodies.
 */
public record RunInfo(String generatedAt, List<Phase> phases) {

  /** A timed phase of one target, e.g. probe of ssh://web01: 212 ms. */
  public record Phase(String target, String name, long millis) {}

  /** "scan 0.42 s: local probe 180 ms, parse 20 ms" style summary for the header line. */
  public String summary() {
    long total = phases.stream().filter(p -> p.name().equals("total")).mapToLong(Phase::millis).sum();
    StringBuilder sb = new StringBuilder("generated ").append(generatedAt);
    List<String> targets = phases.stream().map(Phase::target).distinct().toList();
    if (targets.size() > 3) {
      // A fleet: every phase of every host would not fit one line; name the slowest host instead.
      Phase slowest = phases.stream().filter(p -> p.name().equals("total"))
          .max(java.util.Comparator.comparingLong(Phase::millis)).orElse(null);
      sb.append("; ").append(targets.size()).append(" targets collected in ").append(total).append(" ms summed over targets");
      if (slowest != null) sb.append(" (slowest ").append(slowest.target()).append(": ").append(slowest.millis()).append(" ms)");
      return sb.toString();
    }
    if (!phases.isEmpty()) {
      sb.append("; collection took ").append(total).append(" ms (");
      List<String> parts = phases.stream().filter(p -> !p.name().equals("total"))
          .map(p -> p.target() + " " + p.name() + " " + p.millis() + " ms").toList();
      sb.append(String.join(", ", parts)).append(")");
    }
    return sb.toString();
  }
}
