package dev.infradoc.model;

import java.util.Comparator;

/**
 * Something that could not be collected: which source, what was not read, why, and what a person
 * can do about it.
 */
public record Problem(String source, String what, String reason, String hint)
    implements Comparable<Problem> {
  private static final Comparator<Problem> ORDER =
      Comparator.comparing(Problem::source)
          .thenComparing(Problem::what)
          .thenComparing(Problem::reason)
          .thenComparing(Problem::hint);

  public Problem {
    source = Strings.orEmpty(source);
    what = Strings.orEmpty(what);
    reason = Strings.orEmpty(reason);
    hint = Strings.orEmpty(hint);
  }

  @Override
  public int compareTo(Problem o) {
    return ORDER.compare(this, o);
  }
}
