package dev.infradoc.collect.config;

import dev.infradoc.collect.repo.HostReference;
import dev.infradoc.knowledge.Knowledge;
import dev.infradoc.knowledge.ProcessSignature;
import dev.infradoc.model.Component;
import dev.infradoc.model.ComponentKind;
import dev.infradoc.model.Evidence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A systemd unit file in a repository: what it starts (ExecStart, redacted; what the program is
 * comes from knowledge/processes.yaml), as whom, what it needs; Requires=/Wants=/BindsTo= on units
 * of the same repository become configured edges, After= is kept as ordering only.
 */
final class SystemdUnit {
  /** Ports a command line binds: --bind 127.0.0.1:8000, -b :8000, --port 8000, --listen 0.0.0.0:9000. */
  private static final Pattern BIND = Pattern.compile("(?:--bind|-b|--listen|--port|-p|--http-port|--web.listen-address)[= ]+(?:[^\\s:]*:)?(\\d{1,5})\\b");

  private SystemdUnit() {}

  /** Directives of the unit, first occurrence's line; values of repeated keys joined with a space. */
  record Directive(String value, int line) {}

  static Component read(ConfigText f, Knowledge knowledge, Endpoints endpoints, List<Pending> uses) {
    Map<String, Directive> d = new LinkedHashMap<>();
    for (int i = 0; i < f.lines.size(); i++) {
      String line = f.lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";") || line.startsWith("[")) continue;
      int eq = line.indexOf('=');
      if (eq <= 0) continue;
      String key = line.substring(0, eq).strip();
      String value = line.substring(eq + 1).strip();
      int n = i + 1;
      d.merge(key, new Directive(value, n), (a, b) -> new Directive((a.value() + " " + b.value()).strip(), a.line()));
    }
    String unit = f.path.substring(f.path.lastIndexOf('/') + 1);
    String id = "config:" + f.path;
    Map<String, String> attributes = new TreeMap<>();
    TreeSet<Evidence> evidence = new TreeSet<>();
    evidence.add(f.at(1));
    String exec = d.containsKey("ExecStart") ? f.redactor().commandLine(d.get("ExecStart").value().replaceFirst("^[-@:+!]+", "")) : "";
    ComponentKind kind = ComponentKind.UNCLASSIFIED;
    String technology = "";
    if (!exec.isEmpty()) {
      attributes.put("exec_start", exec);
      evidence.add(f.at(d.get("ExecStart").line()));
      String program = exec.split("\\s+")[0];
      program = program.substring(program.lastIndexOf('/') + 1);
      Optional<ProcessSignature> sig = knowledge.process(program, exec);
      if (sig.isPresent()) {
        kind = ComponentKind.fromId(sig.get().kind());
        technology = sig.get().technology();
      }
      Matcher m = BIND.matcher(exec);
      List<String> ports = new ArrayList<>();
      while (m.find()) {
        ports.add(m.group(1));
        endpoints.declare(Integer.parseInt(m.group(1)), id);
      }
      if (!ports.isEmpty()) attributes.put("ports", String.join(", ", ports));
    }
    for (String key : List.of("User", "Group", "WorkingDirectory", "After", "Requires", "Wants", "BindsTo", "Restart", "Type")) {
      Directive v = d.get(key);
      if (v == null) continue;
      attributes.put(key.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT), f.redactor().text(v.value()));
      evidence.add(f.at(v.line()));
    }
    if (d.containsKey("Environment")) {
      // Names only: values are often credentials.
      List<String> names = new ArrayList<>();
      Matcher m = Pattern.compile("\"?([A-Za-z_][A-Za-z0-9_]*)=").matcher(d.get("Environment").value());
      while (m.find()) names.add(m.group(1));
      attributes.put("environment", String.join(", ", names));
      evidence.add(f.at(d.get("Environment").line()));
      // Connection strings name what the service uses (DATABASE_URL=postgres://...@db:5432/shop).
      Matcher kv = Pattern.compile("\"?([A-Za-z_][A-Za-z0-9_]*)=([^\"\\s]*)").matcher(d.get("Environment").value());
      while (kv.find()) {
        for (HostReference ref : HostReference.find(kv.group(1), kv.group(2))) {
          uses.add(new Pending(id, ref.host(), ref.port(), ref.scheme(), List.of(f.at(d.get("Environment").line()))));
        }
      }
    }
    String runsAs = d.containsKey("User") ? d.get("User").value() : "";
    return new Component(id, unit, kind, technology, "", "", f.sourceId(), 1, runsAs, "systemd", List.of(), attributes,
        Evidence.sorted(evidence));
  }

  /** Units this one requires, wants or is bound to, with the line that says so. */
  static Map<String, Evidence> needs(ConfigText f) {
    Map<String, Evidence> out = new TreeMap<>();
    for (int i = 0; i < f.lines.size(); i++) {
      String line = f.lines.get(i).strip();
      Matcher m = Pattern.compile("^(Requires|Wants|BindsTo)\\s*=\\s*(.+)$").matcher(line);
      if (!m.find()) continue;
      for (String u : m.group(2).split("\\s+")) out.putIfAbsent(u, f.at(i + 1));
    }
    return out;
  }
}
