package dev.infradoc.collect.host.parse;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses {@code ls -l /proc/PID/cwd /proc/PID/exe} into pid -> path maps. Unreadable links are absent. */
public final class ProcLinksParser {
  private static final Pattern LINK = Pattern.compile("/proc/(\\d+)/(cwd|exe) -> (.*)$");

  /** The working directories and executables of processes, keyed by pid. */
  public record Links(Map<Integer, String> cwd, Map<Integer, String> exe) {}

  private ProcLinksParser() {}

  public static Links parse(Iterable<String> lines) {
    Map<Integer, String> cwd = new TreeMap<>();
    Map<Integer, String> exe = new TreeMap<>();
    for (String line : lines) {
      Matcher m = LINK.matcher(line);
      if (!m.find()) continue;
      String target = m.group(3).replaceFirst(" \\(deleted\\)$", "");
      (m.group(2).equals("cwd") ? cwd : exe).put(Integer.parseInt(m.group(1)), target);
    }
    return new Links(cwd, exe);
  }
}
