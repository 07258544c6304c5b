package dev.infradoc.collect.config;

import dev.infradoc.knowledge.ImageCatalog;
import dev.infradoc.model.Component;
import dev.infradoc.model.ComponentKind;
import dev.infradoc.model.Evidence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A Dockerfile: the image it builds, with its final stage's base image (what it is comes from
 * knowledge/images.yaml), the ports it EXPOSEs, its USER and what it runs (CMD/ENTRYPOINT, redacted).
 */
final class Dockerfile {
  private Dockerfile() {}

  static Component read(ConfigText f, Endpoints endpoints) {
    String id = "config:" + f.path;
    Map<String, String> attributes = new TreeMap<>();
    TreeSet<Evidence> evidence = new TreeSet<>();
    Map<String, String> stages = new HashMap<>();
    String base = "";
    int baseLine = 0;
    List<String> ports = new ArrayList<>();
    // Instructions of the final stage only: earlier stages build, the last one runs.
    Map<String, int[]> lastLine = new HashMap<>();
    Map<String, String> last = new HashMap<>();
    for (int[] range : instructions(f)) {
      int line = range[0];
      String text = joined(f, range);
      String[] parts = text.strip().split("\\s+", 2);
      String op = parts[0].toUpperCase(Locale.ROOT);
      String args = parts.length > 1 ? parts[1].strip() : "";
      if (op.equals("FROM")) {
        String[] words = args.split("\\s+");
        int i = words[0].startsWith("--platform") ? 1 : 0;
        String image = i < words.length ? words[i] : "";
        String resolved = stages.getOrDefault(image.toLowerCase(Locale.ROOT), image);
        if (i + 2 < words.length && words[i + 1].equalsIgnoreCase("AS")) stages.put(words[i + 2].toLowerCase(Locale.ROOT), resolved);
        base = resolved;
        baseLine = line;
        ports.clear();
        last.clear();
        lastLine.clear();
      } else if (op.equals("EXPOSE")) {
        for (String p : args.split("\\s+")) {
          if (p.matches("\\d{1,5}(/(tcp|udp))?")) {
            ports.add(p);
            evidence.add(f.at(line));
          }
        }
      } else if (op.equals("USER") || op.equals("CMD") || op.equals("ENTRYPOINT") || op.equals("WORKDIR")) {
        last.put(op, args);
        lastLine.put(op, new int[] {line});
      }
    }
    if (!base.isEmpty()) {
      attributes.put("base_image", f.redactor().text(base));
      evidence.add(f.at(baseLine));
    }
    evidence.add(f.at(1));
    if (!ports.isEmpty()) attributes.put("expose", String.join(", ", ports));
    ports.forEach(p -> endpoints.declare(Integer.parseInt(p.replaceFirst("/.*", "")), id));
    for (String op : List.of("USER", "WORKDIR", "ENTRYPOINT", "CMD")) {
      if (!last.containsKey(op)) continue;
      attributes.put(op.toLowerCase(Locale.ROOT), f.redactor().commandLine(last.get(op)));
      evidence.add(f.at(lastLine.get(op)[0]));
    }
    Optional<ImageCatalog.ImageKind> what = base.isEmpty() || base.contains("$") ? Optional.empty() : ImageCatalog.shipped().find(base);
    ComponentKind kind = what.map(k -> ComponentKind.fromId(k.kind())).orElse(ComponentKind.UNCLASSIFIED);
    String tag = base.isEmpty() || base.contains("$") ? "" : ImageCatalog.parse(base).tag();
    return new Component(id, f.path, kind, what.map(ImageCatalog.ImageKind::technology).orElse(""),
        tag == null ? "" : tag, "", f.sourceId(), 1, last.getOrDefault("USER", ""), "", List.of(), attributes, Evidence.sorted(evidence));
  }

  /** Instruction ranges [first line, last line], 1-based, continuation lines (trailing \) joined; comments skipped. */
  private static List<int[]> instructions(ConfigText f) {
    List<int[]> out = new ArrayList<>();
    int start = -1;
    for (int i = 0; i < f.lines.size(); i++) {
      String line = f.lines.get(i).strip();
      if (start < 0) {
        if (line.isEmpty() || line.startsWith("#")) continue;
        start = i + 1;
      }
      if (!line.endsWith("\\")) {
        out.add(new int[] {start, i + 1});
        start = -1;
      }
    }
    if (start > 0) out.add(new int[] {start, f.lines.size()});
    return out;
  }

  private static String joined(ConfigText f, int[] range) {
    StringBuilder sb = new StringBuilder();
    for (int i = range[0]; i <= range[1]; i++) {
      String l = f.lines.get(i - 1).strip();
      if (l.startsWith("#")) continue;
      sb.append(l.endsWith("\\") ? l.substring(0, l.length() - 1) : l).append(' ');
    }
    return sb.toString();
  }
}
