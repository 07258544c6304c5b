package dev.infradoc.collect.host.parse;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code grep -H '' /proc/PID/cgroup} into the systemd unit or container that manages each
 * process: {@code nginx.service}, {@code docker:3f2a...}.
 */
public final class CgroupParser {
  private static final Pattern LINE = Pattern.compile("^/proc/(\\d+)/cgroup:[^:]*:[^:]*:(.*)$");
  private static final Pattern UNIT = Pattern.compile("([^/]+\\.service)(/.*)?$");
  private static final Pattern DOCKER = Pattern.compile("(?:docker[-/]|/docker/)([0-9a-f]{12,64})");

  private CgroupParser() {}

  public static Map<Integer, String> parse(Iterable<String> lines) {
    Map<Integer, String> managers = new TreeMap<>();
    for (String line : lines) {
      Matcher m = LINE.matcher(line);
      if (!m.matches()) continue;
      int pid = Integer.parseInt(m.group(1));
      String path = m.group(2);
      Matcher docker = DOCKER.matcher(path);
      if (docker.find()) {
        managers.put(pid, "docker:" + docker.group(1).substring(0, 12));
        continue;
      }
      Matcher unit = UNIT.matcher(path);
      if (unit.find() && !path.contains("user@") && !path.contains("session-")) {
        managers.putIfAbsent(pid, "systemd:" + unit.group(1));
      }
    }
    return managers;
  }
}
