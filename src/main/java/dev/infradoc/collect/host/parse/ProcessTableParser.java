package dev.infradoc.collect.host.parse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Parses {@code ps -eo pid=,ppid=,user:32=,etimes=,args=}. Rows that do not parse are skipped and counted by the caller. */
public final class ProcessTableParser {
  private ProcessTableParser() {}

  public static List<ProcessInfo> parse(List<String> lines) {
    List<ProcessInfo> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String[] f = lines.get(i).strip().split("\\s+", 5);
      if (f.length < 5 || !f[0].matches("\\d+") || !f[1].matches("\\d+")) continue;
      long elapsed = f[3].matches("\\d+") ? Long.parseLong(f[3]) : -1;
      String args = f[4].strip();
      if (args.endsWith("<defunct>")) continue;
      out.add(new ProcessInfo(Integer.parseInt(f[0]), Integer.parseInt(f[1]), f[2], elapsed, args,
          List.copyOf(Arrays.asList(args.split("\\s+"))), i));
    }
    return out;
  }
}
