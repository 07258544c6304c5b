package dev.infradoc.analyze.drift;

import dev.infradoc.model.Evidence;
import java.util.Comparator;
import java.util.List;

/**
 * One difference between two models: an element added, removed or changed, with the evidence of
 * its newer state (or, when it is gone, of its last state) so every line of drift.md can be checked.
 */
public record Change(Subject subject, Kind kind, String id, String label, List<Difference> differences,
    List<Evidence> evidence) implements Comparable<Change> {

  /** What kind of element changed. */
  public enum Subject { SOURCE, HOST, COMPONENT, DEPENDENCY, FINDING }

  /**
   * ADDED and REMOVED (for findings: new and fixed), CHANGED, or NOT_COLLECTED: a source the older
   * scan read and the newer one did not (its elements are not compared, since absence of evidence
   * is not evidence of removal).
   */
  public enum Kind { ADDED, REMOVED, CHANGED, NOT_COLLECTED }

  /** One field that differs: what, its older and its newer value (empty when absent). */
  public record Difference(String what, String before, String after) {}

  private static final Comparator<Change> ORDER = Comparator.comparing(Change::subject)
      .thenComparing(Change::kind).thenComparing(Change::id);

  public Change {
    differences = List.copyOf(differences);
    evidence = evidence.stream().sorted().distinct().toList();
  }

  @Override
  public int compareTo(Change o) {
    return ORDER.compare(this, o);
  }
}
