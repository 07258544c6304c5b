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
    if (!phases.isEmpty()) {
      sb.append("; collection took ").append(total).append(" ms (");
      List<String> parts = phases.stream().filter(p -> !p.name().equals("total"))
          .map(p -> p.target() + " " + p.name() + " " + p.millis() + " ms").toList();
      sb.append(String.join(", ", parts)).append(")");
    }
    return sb.toString();
  }
}
