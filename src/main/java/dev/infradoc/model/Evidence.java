package dev.infradoc.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Comparator;

/** Where a fact was seen: a source id, a locator ({@code file:line} or {@code command#line}) and a redacted excerpt. */
public record Evidence(
    String source, String locator, @JsonInclude(JsonInclude.Include.NON_EMPTY) String excerpt)
    implements Comparable<Evidence> {

  private static final Comparator<Evidence> ORDER =
      Comparator.comparing(Evidence::source)
          .thenComparing(Evidence::locator, Evidence::compareLocators)
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

  /**
   * {@code file:line} and {@code command#line} in reading order: by file (or command), then by line
   * as a number, so {@code redis.yaml:2} comes before {@code redis.yaml:17}. Other locators, and
   * ties, compare as text, so only equal locators compare equal.
   */
  static int compareLocators(String a, String b) {
    int la = lineStart(a);
    int lb = lineStart(b);
    if (la < 0 || lb < 0) return a.compareTo(b);
    int prefix = compareRegion(a, 0, la - 1, b, 0, lb - 1);
    if (prefix != 0) return prefix;
    int na = firstNonZero(a, la);
    int nb = firstNonZero(b, lb);
    int digits = Integer.compare(a.length() - na, b.length() - nb); // more digits, larger number
    if (digits != 0) return digits;
    int number = compareRegion(a, na, a.length(), b, nb, b.length());
    return number != 0 ? number : a.compareTo(b);
  }

  /** Where the line number starts (after the last ':' or '#', all digits to the end), or -1. */
  private static int lineStart(String s) {
    int i = s.length();
    while (i > 0 && Character.isDigit(s.charAt(i - 1))) i--;
    if (i == s.length() || i == 0) return -1;
    char sep = s.charAt(i - 1);
    return sep == ':' || sep == '#' ? i : -1;
  }

  private static int firstNonZero(String s, int from) {
    int i = from;
    while (i < s.length() - 1 && s.charAt(i) == '0') i++;
    return i;
  }

  private static int compareRegion(String a, int fromA, int toA, String b, int fromB, int toB) {
    int n = Math.min(toA - fromA, toB - fromB);
    for (int k = 0; k < n; k++) {
      int c = Character.compare(a.charAt(fromA + k), b.charAt(fromB + k));
      if (c != 0) return c;
    }
    return Integer.compare(toA - fromA, toB - fromB);
  }
}
