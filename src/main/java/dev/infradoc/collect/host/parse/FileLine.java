package dev.infradoc.collect.host.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One line of a file as {@code grep -Hn ''} prints it: path, 1-based line number, text. */
public record FileLine(String path, int number, String text) {
  private static final Pattern LINE = Pattern.compile("^(.+?):(\\d+):(.*)$");

  /** The evidence locator {@code path:line}. */
  public String locator() {
    return path + ":" + number;
  }

  public static List<FileLine> parse(List<String> lines) {
    List<FileLine> out = new ArrayList<>();
    for (String l : lines) {
      Matcher m = LINE.matcher(l);
      if (m.matches()) out.add(new FileLine(m.group(1), Integer.parseInt(m.group(2)), m.group(3)));
    }
    return out;
  }

  /** Lines grouped by file, in the order the files appeared. */
  public static Map<String, List<FileLine>> byFile(List<FileLine> lines) {
    Map<String, List<FileLine>> files = new LinkedHashMap<>();
    for (FileLine l : lines) files.computeIfAbsent(l.path(), k -> new ArrayList<>()).add(l);
    return files;
  }
}
