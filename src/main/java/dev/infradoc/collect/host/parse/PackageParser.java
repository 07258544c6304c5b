package dev.infradoc.collect.host.parse;

import java.util.Map;
import java.util.TreeMap;
import java.util.List;

/** Parses installed packages from dpkg-query ({@code name\tversion\tii}), rpm or apk listings. */
public final class PackageParser {
  /** A package version and the 0-based line it was on. */
  public record Installed(String name, String version, int line) {}

  private PackageParser() {}

  public static Map<String, Installed> parse(List<String> lines) {
    Map<String, Installed> out = new TreeMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String[] f = lines.get(i).split("\t");
      if (f.length >= 3 && f[2].startsWith("ii")) {
        String name = f[0].replaceFirst(":[a-z0-9]+$", "");
        out.put(name, new Installed(name, f[1], i));
      } else if (f.length == 1 && f[0].matches("[a-z0-9][a-z0-9._+-]*-[0-9][^-]*-r\\d+")) {
        String[] parts = f[0].split("-(?=[0-9][^-]*-r\\d+$)");
        if (parts.length == 2) out.put(parts[0], new Installed(parts[0], parts[1], i));
      }
    }
    return out;
  }
}
