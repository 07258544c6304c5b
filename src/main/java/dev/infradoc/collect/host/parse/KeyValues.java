package dev.infradoc.collect.host.parse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses {@code KEY=value} lines (probe meta sections, os-release, environments); quotes around values are removed. */
public final class KeyValues {
  private KeyValues() {}

  /** Keys map to the 0-based line they were on, so evidence can point at it. */
  public record Entry(String value, int line) {}

  public static Map<String, Entry> parse(List<String> lines) {
    Map<String, Entry> out = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int eq = line.indexOf('=');
      int colon = line.indexOf(':');
      int cut = eq > 0 ? eq : colon;
      if (cut <= 0) continue;
      String key = line.substring(0, cut).strip();
      String value = line.substring(cut + 1).strip();
      if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
          || value.startsWith("'") && value.endsWith("'"))) {
        value = value.substring(1, value.length() - 1);
      }
      out.putIfAbsent(key, new Entry(value, i));
    }
    return out;
  }

  public static String value(Map<String, Entry> map, String key) {
    Entry e = map.get(key);
    return e == null ? "" : e.value();
  }
}
