package dev.infradoc.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.util.Comparator;
import java.util.List;

/**
 * One component using another. {@code kind} is observed (a live connection), configured (a
 * config file or environment names it), declared (infrastructure-as-code) or allowed (a firewall
 * rule permits it). Port 0 means unknown.
 */
public record Dependency(
    String from,
    String to,
    @JsonInclude(Include.NON_EMPTY) String protocol,
    @JsonInclude(Include.NON_DEFAULT) int port,
    String kind,
    List<Evidence> evidence)
    implements Comparable<Dependency> {

  public static final String OBSERVED = "observed";
  public static final String CONFIGURED = "configured";
  public static final String DECLARED = "declared";
  /** A network rule permits this traffic (a security group rule); nothing says it happens. */
  public static final String ALLOWED = "allowed";

  private static final Comparator<Dependency> ORDER =
      Comparator.comparing(Dependency::from)
          .thenComparing(Dependency::to)
          .thenComparingInt(Dependency::port)
          .thenComparing(Dependency::kind)
          .thenComparing(Dependency::protocol);

  public Dependency {
    protocol = Strings.orEmpty(protocol);
    evidence = Sorted.list(evidence);
  }

  /** Identity used when merging: the same edge seen twice is one edge with both evidences. */
  public String key() {
    return from + "->" + to + ":" + port + "/" + kind;
  }

  @Override
  public int compareTo(Dependency o) {
    return ORDER.compare(this, o);
  }
}
