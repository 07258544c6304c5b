package dev.infradoc.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Comparator;

/** Where a fact was seen: a source id, a locator ({@code file:line} or {@code command#line}) and a redacted excerpt. */
public record Evidence(
    String source, String locator, @JsonInclude(JsonInclude.Include.NON_EMPTY) String excerpt)
    implements Comparable<Evidence> {

  private static final Comparator<Evidence> ORDER =
      Comparator.comparing(Evidence::source)
          .thenComparing(Evidence::locator)
          .thenComparing(Evidence::excerpt);

  public Evidence {
    source = Strings.orEmpty(source);
    locator = Strings.orEmpty(locator);
    excerpt = Strings.orEmpty(excerpt);
  }

  public static Evidence of(String source, String locator, String excerpt) {
    return new Evidence(source, locator, excerpt);
  }

  /** A sorted copy without duplicates, for producers whose evidence has no more telling order. */
  public static java.util.List<Evidence> sorted(java.util.Collection<Evidence> evidence) {
    return java.util.List.copyOf(new java.util.TreeSet<>(evidence));
  }

  @Override
  public int compareTo(Evidence o) {
    return ORDER.compare(this, o);
  }
}
