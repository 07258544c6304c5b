package dev.infradoc.collect.host.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses {@code systemctl show -p Id -p MainPID ... '*.service'}: blocks of KEY=value separated by blank lines. */
public final class SystemdParser {
  /** One service unit with the properties the probe asked for, and the 0-based line of its Id. */
  public record Unit(String id, int mainPid, String activeState, String subState, String fragmentPath,
      String user, String description, int line) {
    /** Units whose file lives in /etc/systemd/system were written by an administrator, not the distribution. */
    public boolean local() {
      return fragmentPath.startsWith("/etc/systemd/system/");
    }
  }

  private SystemdParser() {}

  public static List<Unit> parse(List<String> lines) {
    List<Unit> units = new ArrayList<>();
    Map<String, String> block = new LinkedHashMap<>();
    int start = 0;
    for (int i = 0; i <= lines.size(); i++) {
      String line = i < lines.size() ? lines.get(i) : "";
      if (line.isBlank()) {
        if (block.containsKey("Id")) units.add(unit(block, start));
        block.clear();
        start = i + 1;
        continue;
      }
      int eq = line.indexOf('=');
      if (eq > 0) block.put(line.substring(0, eq), line.substring(eq + 1));
    }
    return units;
  }

  private static Unit unit(Map<String, String> b, int line) {
    String pid = b.getOrDefault("MainPID", "0");
    return new Unit(b.get("Id"), pid.matches("\\d+") ? Integer.parseInt(pid) : 0, b.getOrDefault("ActiveState", ""),
        b.getOrDefault("SubState", ""), b.getOrDefault("FragmentPath", ""), b.getOrDefault("User", ""),
        b.getOrDefault("Description", ""), line);
  }
}
