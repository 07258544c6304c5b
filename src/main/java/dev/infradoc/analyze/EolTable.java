package dev.infradoc.analyze;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** knowledge/eol.yaml: end-of-life dates of OS releases and software cycles, with the date the table was updated. */
public record EolTable(String updated, List<Os> os, List<Software> software) {

  /** An OS family: a pattern over the OS name capturing the release, and each release's end of support. */
  public record Os(String name, String pattern, String support, String source, Map<String, String> cycles) {}

  /** A product: the technologies and engines that name it, and each release cycle's end of support. */
  public record Software(String product, List<String> technologies, List<String> engines, String executablePattern,
      String source, Map<String, String> cycles) {
    public Software {
      engines = engines == null ? List.of() : engines;
      executablePattern = executablePattern == null ? "" : executablePattern;
    }
  }

  /** A matched release and its end of support. */
  public record Match(String product, String cycle, LocalDate end, String support, String source) {}

  private static final EolTable LOADED = RuleData.load("/knowledge/eol.yaml", EolTable.class);

  public static EolTable get() {
    return LOADED;
  }

  public Optional<Match> os(String osName) {
    for (Os o : os) {
      Matcher m = Pattern.compile(o.pattern()).matcher(osName);
      if (m.find() && o.cycles().containsKey(m.group(1))) {
        return Optional.of(new Match(o.name(), m.group(1), LocalDate.parse(o.cycles().get(m.group(1))), o.support(), o.source()));
      }
    }
    return Optional.empty();
  }

  /** The cycle of a product version: the longest listed prefix ("9.6.24" is 9.6, "15.5" is 15). */
  public Optional<Match> software(Software s, String version) {
    String[] parts = version.split("\\.");
    for (int n = Math.min(parts.length, 2); n >= 1; n--) {
      String cycle = String.join(".", java.util.Arrays.copyOf(parts, n));
      if (s.cycles().containsKey(cycle)) {
        return Optional.of(new Match(s.product(), cycle, LocalDate.parse(s.cycles().get(cycle)), "upstream support", s.source()));
      }
    }
    return Optional.empty();
  }
}
