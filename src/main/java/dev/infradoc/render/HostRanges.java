package dev.infradoc.render;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Short names for a set of hosts, as people write them: {@code web[01..12]}, {@code web[01..03,07]}
 * when all share a prefix and suffix around a number, else the names themselves, cut after a few.
 */
public final class HostRanges {
  private static final Pattern NUMBERED = Pattern.compile("^(.*?)(\\d+)(\\D*)$");
  private static final int LISTED = 3;

  private HostRanges() {}

  public static String collapse(List<String> names) {
    List<String> sorted = new ArrayList<>(new TreeSet<>(names));
    if (sorted.size() == 1) return sorted.get(0);
    String prefix = null;
    String suffix = null;
    TreeMap<Long, String> numbers = new TreeMap<>();
    for (String n : sorted) {
      Matcher m = NUMBERED.matcher(n);
      if (!m.matches() || m.group(2).length() > 12) return listed(sorted);
      if (prefix == null) {
        prefix = m.group(1);
        suffix = m.group(3);
      } else if (!prefix.equals(m.group(1)) || !suffix.equals(m.group(3))) {
        return listed(sorted);
      }
      numbers.put(Long.parseLong(m.group(2)), m.group(2));
    }
    List<String> parts = new ArrayList<>();
    Long start = null;
    Long prev = null;
    for (Long n : numbers.keySet()) {
      if (start == null) {
        start = n;
      } else if (n != prev + 1) {
        parts.add(part(numbers, start, prev));
        start = n;
      }
      prev = n;
    }
    parts.add(part(numbers, start, prev));
    return prefix + "[" + String.join(",", parts) + "]" + suffix;
  }

  private static String part(TreeMap<Long, String> numbers, long from, long to) {
    return from == to ? numbers.get(from) : numbers.get(from) + ".." + numbers.get(to);
  }

  private static String listed(List<String> sorted) {
    if (sorted.size() <= LISTED) return String.join(", ", sorted);
    return String.join(", ", sorted.subList(0, LISTED)) + " and " + (sorted.size() - LISTED) + " more";
  }
}
