package dev.infradoc.collect.terraform;

import dev.infradoc.model.Evidence;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The order a resource's evidence is shown in: its own declaration first, then the lines below it
 * in its file (its attributes), then its module's other lines (variable defaults, locals), then
 * what lies outside the module (the module call and its inputs, tfvars); by line within a file.
 */
final class EvidenceOrder {
  private EvidenceOrder() {}

  /** @param declaredAt {@code path:line} of the resource block, or "" (read from state) */
  static List<Evidence> of(Collection<Evidence> evidence, String declaredAt) {
    String file = file(declaredAt);
    String dir = file.contains("/") ? file.substring(0, file.lastIndexOf('/') + 1) : "";
    // Each key is computed once per item, not once per comparison: thousands of resources sort their evidence.
    List<Keyed> keyed = new ArrayList<>(evidence.size());
    for (Evidence e : evidence) keyed.add(new Keyed(rank(e, declaredAt, file, dir), file(e.locator()), line(e.locator()), e));
    keyed.sort(ORDER);
    List<Evidence> out = new ArrayList<>(keyed.size());
    for (Keyed k : keyed) out.add(k.evidence());
    return out;
  }

  private record Keyed(int rank, String file, long line, Evidence evidence) {}

  private static final Comparator<Keyed> ORDER = Comparator.comparingInt(Keyed::rank).thenComparing(Keyed::file)
      .thenComparingLong(Keyed::line).thenComparing(Keyed::evidence);

  private static int rank(Evidence e, String declaredAt, String file, String dir) {
    if (declaredAt.isEmpty()) return 0;
    if (e.locator().equals(declaredAt)) return 0;
    String f = file(e.locator());
    if (f.equals(file) && line(e.locator()) > line(declaredAt)) return 1;
    boolean sameDir = dir.isEmpty() ? !f.contains("/") : f.startsWith(dir) && f.indexOf('/', dir.length()) < 0;
    return sameDir ? 2 : 3;
  }

  private static String file(String locator) {
    int colon = locator.lastIndexOf(':');
    return colon > 0 && line(locator) >= 0 ? locator.substring(0, colon) : locator;
  }

  /** The line of {@code path:line}, or -1 when the locator has none. */
  private static long line(String locator) {
    int colon = locator.lastIndexOf(':');
    if (colon < 0 || colon == locator.length() - 1) return -1;
    for (int i = colon + 1; i < locator.length(); i++) {
      if (!Character.isDigit(locator.charAt(i))) return -1;
    }
    return locator.length() - colon - 1 > 18 ? -1 : Long.parseLong(locator.substring(colon + 1));
  }
}
