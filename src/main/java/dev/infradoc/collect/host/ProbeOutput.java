package dev.infradoc.collect.host;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The probe's output cut into its sections. Each section is delimited by begin/end marker lines
 * that carry a per-run nonce, so a target's output cannot fake a marker; the end marker carries the
 * section's exit code. A section with no end marker was cut short (exit code -1).
 */
public final class ProbeOutput {

  /** One section: its name, stdout lines, stderr lines and exit code (-1 when it never ended). */
  public record Section(String name, List<String> lines, List<String> errors, int exitCode) {
    public boolean ok() {
      return exitCode == 0;
    }
  }

  private final Map<String, Section> sections;

  private ProbeOutput(Map<String, Section> sections) {
    this.sections = sections;
  }

  public static ProbeOutput parse(String nonce, String stdout, String stderr) {
    String marker = "@@infradoc-" + nonce + " ";
    Map<String, List<String>> out = new LinkedHashMap<>();
    Map<String, Integer> codes = new LinkedHashMap<>();
    split(marker, stdout, out, codes);
    Map<String, List<String>> err = new LinkedHashMap<>();
    split(marker, stderr, err, new LinkedHashMap<>());
    Map<String, Section> sections = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : out.entrySet()) {
      sections.put(e.getKey(), new Section(e.getKey(), List.copyOf(e.getValue()),
          List.copyOf(err.getOrDefault(e.getKey(), List.of())), codes.getOrDefault(e.getKey(), -1)));
    }
    return new ProbeOutput(sections);
  }

  private static void split(String marker, String text, Map<String, List<String>> into,
      Map<String, Integer> codes) {
    List<String> current = null;
    String name = null;
    for (String line : text.split("\n", -1)) {
      if (line.startsWith(marker + "begin ")) {
        name = line.substring(marker.length() + "begin ".length());
        current = new ArrayList<>();
        into.put(uniqueName(into, name), current);
      } else if (line.startsWith(marker + "end ") && current != null) {
        String rest = line.substring(marker.length() + "end ".length());
        int space = rest.lastIndexOf(' ');
        if (space > 0) codes.put(lastKey(into), parseCode(rest.substring(space + 1)));
        if (!current.isEmpty() && current.get(current.size() - 1).isEmpty()) {
          current.remove(current.size() - 1);
        }
        current = null;
      } else if (current != null) {
        current.add(line);
      }
    }
  }

  private static String uniqueName(Map<String, List<String>> into, String name) {
    String candidate = name;
    for (int i = 2; into.containsKey(candidate); i++) candidate = name + " #" + i;
    return candidate;
  }

  private static String lastKey(Map<String, List<String>> map) {
    String last = null;
    for (String k : map.keySet()) last = k;
    return last;
  }

  private static int parseCode(String s) {
    try {
      return Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  public Optional<Section> section(String name) {
    return Optional.ofNullable(sections.get(name));
  }

  public List<String> lines(String name) {
    return section(name).map(Section::lines).orElse(List.of());
  }

  public List<Section> all() {
    return List.copyOf(sections.values());
  }
}
