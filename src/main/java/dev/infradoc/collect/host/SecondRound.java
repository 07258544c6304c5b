package dev.infradoc.collect.host;

import dev.infradoc.collect.host.parse.FileLine;
import dev.infradoc.knowledge.Manifests;
import dev.infradoc.model.ComponentKind;
import dev.infradoc.redact.Redactor;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one follow-up request round 1 can ask for: environments of application processes, manifests
 * in their working directories, and configuration files named on command lines. Requests go to the
 * fixed round-2 script on stdin, one per line, so no target text is ever part of a command.
 */
final class SecondRound {
  private static final Pattern CONFIG_ARG = Pattern.compile("\\s-c\\s+(/\\S+)");

  private final Set<String> requests = new LinkedHashSet<>();
  private final List<String> skipped = new ArrayList<>();

  SecondRound(ComponentAssembler.Result assembly, Manifests manifests) {
    for (Draft d : assembly.drafts()) {
      boolean app = d.kind.role().equals("application") || d.kind == ComponentKind.UNCLASSIFIED;
      if (app) {
        d.rootPids.stream().sorted().limit(1).forEach(pid -> requests.add("env " + pid));
        if (!d.cwd.isEmpty() && !d.cwd.equals("/")) {
          for (Manifests.Manifest m : manifests.manifests()) request("file", d.cwd + "/" + m.file());
        }
      }
      if (d.signature.id().equals("nginx")) {
        Matcher m = CONFIG_ARG.matcher(d.attributes.getOrDefault("commandLine", ""));
        if (m.find() && !m.group(1).startsWith("/etc/nginx/")) {
          String conf = m.group(1);
          String dir = conf.substring(0, conf.lastIndexOf('/') + 1);
          request("file", conf);
          request("glob", dir + "conf.d/*.conf");
          request("glob", dir + "sites-enabled/*");
        }
      }
    }
  }

  private void request(String op, String path) {
    if (path.indexOf('\n') >= 0 || path.indexOf('\r') >= 0 || path.indexOf('\0') >= 0) {
      skipped.add(path);
      return;
    }
    requests.add(op + " " + path);
  }

  boolean isEmpty() {
    return requests.isEmpty();
  }

  String stdin() {
    return String.join("\n", requests) + "\n";
  }

  int size() {
    return requests.size();
  }

  List<String> skipped() {
    return skipped;
  }

  /** Environment variables from the output, redacted by name and value. */
  static List<EnvVar> environments(ProbeOutput out, Redactor redactor) {
    List<EnvVar> vars = new ArrayList<>();
    for (ProbeOutput.Section s : out.all()) {
      if (!s.name().startsWith("env ") || !s.ok()) continue;
      // The section name comes back from the target: a repeated or garbled one is skipped, not trusted.
      String pidText = s.name().substring(4).trim();
      if (!pidText.matches("\\d{1,9}")) continue;
      int pid = Integer.parseInt(pidText);
      for (int i = 0; i < s.lines().size(); i++) {
        String line = s.lines().get(i);
        int eq = line.indexOf('=');
        if (eq <= 0) continue;
        String name = line.substring(0, eq);
        // round2.sh prints a newline inside a value as \001: the value is whole again (a PEM block, say).
        String value = line.substring(eq + 1).replace('\u0001', '\n');
        vars.add(new EnvVar(pid, name, redactor.envValue(name, value),
            "cat /proc/" + pid + "/environ#" + (i + 1)));
      }
    }
    return vars;
  }

  /** File lines from "file" and "glob" requests. */
  static List<FileLine> files(ProbeOutput out) {
    List<FileLine> lines = new ArrayList<>();
    for (ProbeOutput.Section s : out.all()) {
      if (s.name().startsWith("file ") || s.name().startsWith("glob ")) lines.addAll(FileLine.parse(s.lines()));
    }
    return lines;
  }
}
