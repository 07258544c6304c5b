package dev.infradoc.collect.compose;

import dev.infradoc.collect.repo.YamlNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges an override file over a base file the way {@code docker compose} does: mappings merge key
 * by key, the listed sequences are appended, anything else is replaced. List forms of environment,
 * labels, depends_on and networks are turned into mappings first so both forms merge. Every value
 * keeps the file and line it came from, so evidence points into the right file.
 */
final class ComposeMerge {
  /** Sequences compose appends (without duplicates) instead of replacing. */
  private static final Set<String> APPENDED = Set.of("ports", "expose", "dns", "dns_search", "tmpfs",
      "external_links", "volumes", "secrets", "configs", "devices", "cap_add", "cap_drop", "env_file",
      "links", "volumes_from", "extra_hosts", "security_opt", "profiles");
  private static final Set<String> LIST_AS_MAP = Set.of("environment", "labels", "depends_on", "networks");

  private ComposeMerge() {}

  /** The services mapping of a file, with each service's list forms normalised. */
  static YamlNode normalise(YamlNode root) {
    if (!root.isMap()) return root;
    List<YamlNode.Entry> top = new ArrayList<>();
    for (YamlNode.Entry e : root.entries()) {
      if (e.key().equals("services") && e.value().isMap()) {
        List<YamlNode.Entry> services = new ArrayList<>();
        for (YamlNode.Entry s : e.value().entries()) services.add(new YamlNode.Entry(s.key(), s.keyLine(), service(s.value())));
        top.add(new YamlNode.Entry(e.key(), e.keyLine(), YamlNode.map(e.value().file(), e.value().line(), services)));
      } else {
        top.add(e);
      }
    }
    return YamlNode.map(root.file(), root.line(), top);
  }

  private static YamlNode service(YamlNode svc) {
    if (!svc.isMap()) return svc;
    List<YamlNode.Entry> out = new ArrayList<>();
    for (YamlNode.Entry e : svc.entries()) {
      YamlNode v = e.value();
      if (LIST_AS_MAP.contains(e.key()) && v.isSeq()) v = listAsMap(v);
      out.add(new YamlNode.Entry(e.key(), e.keyLine(), v));
    }
    return YamlNode.map(svc.file(), svc.line(), out);
  }

  /** {@code [A=b, C]} becomes {@code {A: b, C: null}}; each key keeps its item's line. */
  private static YamlNode listAsMap(YamlNode seq) {
    List<YamlNode.Entry> out = new ArrayList<>();
    for (YamlNode item : seq.items()) {
      if (!item.isScalar()) continue;
      String t = item.text();
      int eq = t.indexOf('=');
      String key = eq < 0 ? t : t.substring(0, eq);
      YamlNode value = eq < 0
          ? YamlNode.nullValue(item.file(), item.line())
          : YamlNode.scalar(item.file(), item.line(), t.substring(eq + 1), false);
      out.add(new YamlNode.Entry(key.strip(), item.line(), value));
    }
    return YamlNode.map(seq.file(), seq.line(), out);
  }

  /** {@code override} merged over {@code base}. */
  static YamlNode merge(YamlNode base, YamlNode override, String key) {
    if (base.isMissing()) return override;
    if (override.isMissing()) return base;
    if (base.isMap() && override.isMap()) {
      Map<String, YamlNode.Entry> merged = new LinkedHashMap<>();
      for (YamlNode.Entry e : base.entries()) merged.put(e.key(), e);
      for (YamlNode.Entry e : override.entries()) {
        YamlNode.Entry old = merged.get(e.key());
        if (old == null) {
          merged.put(e.key(), e);
          continue;
        }
        YamlNode value = merge(old.value(), e.value(), e.key());
        // the key line must be in the same file as the value evidence will name
        int keyLine = value.file().equals(old.value().file()) ? old.keyLine() : e.keyLine();
        merged.put(e.key(), new YamlNode.Entry(e.key(), keyLine, value));
      }
      return YamlNode.map(base.file(), base.line(), new ArrayList<>(merged.values()));
    }
    if (base.isSeq() && override.isSeq() && APPENDED.contains(key)) {
      Map<String, YamlNode> items = new LinkedHashMap<>();
      Set<String> seen = new LinkedHashSet<>();
      int n = 0;
      for (YamlNode i : concat(base.items(), override.items())) {
        String k = i.isScalar() ? "s:" + i.text() : "n:" + n++;
        if (seen.add(k)) items.put(k, i);
      }
      return YamlNode.seq(base.file(), base.line(), new ArrayList<>(items.values()));
    }
    return override;
  }

  private static List<YamlNode> concat(List<YamlNode> a, List<YamlNode> b) {
    List<YamlNode> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
