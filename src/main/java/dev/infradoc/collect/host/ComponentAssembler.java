package dev.infradoc.collect.host;

import dev.infradoc.collect.host.parse.PackageParser.Installed;
import dev.infradoc.collect.host.parse.ProcessInfo;
import dev.infradoc.collect.host.parse.Socket;
import dev.infradoc.knowledge.Knowledge;
import dev.infradoc.knowledge.ProcessSignature;
import dev.infradoc.knowledge.ProgramName;
import dev.infradoc.model.ComponentKind;
import dev.infradoc.model.Evidence;
import dev.infradoc.model.Listen;
import dev.infradoc.redact.Redactor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Turns processes into components: a master and its same-kind children are one component (with a
 * worker count), identical processes are one component with several instances, kernel threads and
 * interactive sessions are left out, and unknown processes stay as {@code unclassified}.
 */
final class ComponentAssembler {
  private static final ProcessSignature UNKNOWN = new ProcessSignature("unknown", "", "", "unclassified",
      "", "service", List.of(), null, null, List.of(), "");

  private final HostFacts facts;
  private final Knowledge knowledge;
  private final Redactor redactor;
  private final Set<Integer> footprint;

  /** What assembly produced: the drafts, which component each pid belongs to, and what was left out. */
  record Result(List<Draft> drafts, Map<Integer, Draft> byPid, int kernelThreads, int sessionProcesses,
      int footprintProcesses) {}

  ComponentAssembler(HostFacts facts, Knowledge knowledge, Redactor redactor, Set<Integer> footprint) {
    this.facts = facts;
    this.knowledge = knowledge;
    this.redactor = redactor;
    this.footprint = footprint;
  }

  Result assemble() {
    Map<Integer, ProcessInfo> byPid = new HashMap<>();
    facts.processes().forEach(p -> byPid.put(p.pid(), p));
    Map<Integer, ProcessSignature> signatures = new HashMap<>();
    int kernel = 0;
    int sessions = 0;
    List<ProcessInfo> kept = new ArrayList<>();
    for (ProcessInfo p : facts.processes()) {
      if (footprint.contains(p.pid())) continue;
      if (p.isKernelThread()) {
        kernel++;
        continue;
      }
      ProcessSignature sig = knowledge.process(ProgramName.of(p.argv()), p.args()).orElse(UNKNOWN);
      if (sig.role().equals("session")) {
        sessions++;
        continue;
      }
      signatures.put(p.pid(), sig);
      kept.add(p);
    }
    // A process whose parent has the same signature and program is part of the parent's unit.
    Map<Integer, Integer> unitRoot = new HashMap<>();
    for (ProcessInfo p : kept) unitRoot.put(p.pid(), rootOf(p, byPid, signatures));
    Map<String, Draft> drafts = new LinkedHashMap<>();
    Map<Integer, Draft> draftByPid = new HashMap<>();
    kept.sort(Comparator.comparing(ProcessInfo::args).thenComparingInt(ProcessInfo::pid));
    for (ProcessInfo p : kept) {
      if (unitRoot.get(p.pid()) != p.pid()) continue;
      ProcessSignature sig = signatures.get(p.pid());
      String key = sig.id() + "|" + p.args() + "|" + facts.cwd().getOrDefault(p.pid(), "");
      Draft d = drafts.computeIfAbsent(key, k -> newDraft(p, sig));
      d.instances++;
      d.rootPids.add(p.pid());
      d.pids.add(p.pid());
      draftByPid.put(p.pid(), d);
    }
    for (ProcessInfo p : kept) {
      int root = unitRoot.get(p.pid());
      if (root == p.pid()) continue;
      Draft d = draftByPid.get(root);
      d.pids.add(p.pid());
      draftByPid.put(p.pid(), d);
      if (!d.signature.workerArgs().isEmpty()
          && Pattern.compile(d.signature.workerArgs()).matcher(p.args()).find()) {
        d.attributes.merge("workers", "1", (a, b) -> String.valueOf(Integer.parseInt(a) + 1));
        if (!p.user().equals(d.runsAs)) d.attributes.put("workersRunAs", p.user());
      }
    }
    List<Draft> result = new ArrayList<>(drafts.values());
    result.forEach(d -> finish(d, byPid));
    assignIds(result);
    return new Result(result, draftByPid, kernel, sessions, footprint.size());
  }

  private int rootOf(ProcessInfo p, Map<Integer, ProcessInfo> byPid, Map<Integer, ProcessSignature> sigs) {
    ProcessInfo current = p;
    while (true) {
      ProcessInfo parent = byPid.get(current.ppid());
      if (parent == null || !sigs.containsKey(parent.pid())) return current.pid();
      ProcessSignature a = sigs.get(current.pid());
      ProcessSignature b = sigs.get(parent.pid());
      boolean sameUnit = a.id().equals(b.id()) && !a.id().equals(UNKNOWN.id())
          && (!isGenericRuntime(a) || ProgramName.of(current.argv()).equals(ProgramName.of(parent.argv())));
      boolean sameUnknown = a == UNKNOWN && b == UNKNOWN && current.args().equals(parent.args());
      if (!sameUnit && !sameUnknown) return current.pid();
      current = parent;
    }
  }

  private Draft newDraft(ProcessInfo p, ProcessSignature sig) {
    Draft d = new Draft(sig);
    // Names and ids are built from argv and paths, which may carry secrets: redact them first.
    String program = redactor.commandLine(ProgramName.of(p.argv()));
    String cwd = facts.cwd().getOrDefault(p.pid(), "");
    d.cwd = cwd;
    String app = redactor.commandLine(appName(cwd, p));
    if (sig == UNKNOWN) {
      d.name = program;
      d.technology = "";
      d.kind = ComponentKind.UNCLASSIFIED;
    } else if (isGenericRuntime(sig)) {
      d.name = app.isEmpty() || app.equals(program) ? program : app + " " + program;
      d.technology = sig.technology();
      d.kind = ComponentKind.fromId(sig.kind());
    } else if (ComponentKind.fromId(sig.kind()).role().equals("application") && !app.isEmpty()
        && sig.role().equals("service")) {
      d.name = app + " (" + sig.name() + ")";
      d.technology = sig.technology();
      d.kind = ComponentKind.fromId(sig.kind());
    } else {
      d.name = sig.name();
      d.technology = sig.technology();
      d.kind = ComponentKind.fromId(sig.kind());
    }
    if (!app.isEmpty() && d.kind.role().equals("application")) d.attributes.put("application", app);
    if (!sig.language().isEmpty()) d.attributes.put("language", sig.language());
    d.attributes.put("commandLine", redactor.commandLine(p.args()));
    if (!cwd.isEmpty()) d.attributes.put("workingDirectory", redactor.text(cwd));
    String exe = facts.exe().getOrDefault(p.pid(), "");
    if (!exe.isEmpty()) d.attributes.put("executable", redactor.text(exe));
    d.runsAs = p.user();
    String manager = facts.managers().getOrDefault(p.pid(), "");
    if (!manager.isEmpty()) d.managedBy = manager;
    d.evidence.add(Evidence.of(facts.sourceId(), ProbeSection.PROCESSES.locator(p.line()),
        redactor.commandLine(facts.processes().stream().filter(x -> x.pid() == p.pid()).findFirst()
            .map(x -> x.pid() + " " + x.ppid() + " " + x.user() + " " + x.args()).orElse(""))));
    return d;
  }

  private void finish(Draft d, Map<Integer, ProcessInfo> byPid) {
    for (Socket s : facts.sockets()) {
      if (!s.listening() || s.pids().stream().noneMatch(d.pids::contains)) continue;
      d.listens.add(new Listen(s.localAddress(), s.localPort(), s.protocol()));
      d.evidence.add(Evidence.of(facts.sourceId(), ProbeSection.SOCKETS.locator(s.line()),
          s.protocol() + " " + s.state() + " " + s.localAddress() + ":" + s.localPort()));
    }
    if (isGenericRuntime(d.signature) && d.kind == ComponentKind.APPLICATION && d.listens.isEmpty()) {
      d.kind = ComponentKind.WORKER;
    }
    version(d);
  }

  private void version(Draft d) {
    for (String pattern : d.signature.packages()) {
      Pattern glob = Pattern.compile(pattern.replace(".", "\\.").replace("*", ".*"));
      for (Installed pkg : facts.packages().values()) {
        if (glob.matcher(pkg.name()).matches()) {
          d.version = pkg.version();
          d.attributes.put("package", pkg.name());
          d.evidence.add(Evidence.of(facts.sourceId(), ProbeSection.PACKAGES.locator(pkg.line()),
              pkg.name() + " " + pkg.version()));
          return;
        }
      }
    }
  }

  private void assignIds(List<Draft> drafts) {
    Map<String, List<Draft>> byBase = new TreeMap<>();
    for (Draft d : drafts) {
      String base = d.signature == UNKNOWN || isGenericRuntime(d.signature)
          || d.kind.role().equals("application") ? slug(d.name) : d.signature.id();
      byBase.computeIfAbsent(base, k -> new ArrayList<>()).add(d);
    }
    String prefix = "host:" + facts.hostname() + "/";
    for (Map.Entry<String, List<Draft>> e : byBase.entrySet()) {
      List<Draft> same = e.getValue();
      if (same.size() == 1) {
        same.get(0).id = prefix + e.getKey();
        continue;
      }
      same.sort(Comparator.comparingInt(ComponentAssembler::firstPort)
          .thenComparing(d -> d.attributes.get("commandLine")));
      for (int i = 0; i < same.size(); i++) {
        Draft d = same.get(i);
        int port = firstPort(d);
        String suffix = port < Integer.MAX_VALUE ? String.valueOf(port) : String.valueOf(i + 1);
        d.id = prefix + e.getKey() + "-" + suffix;
        d.name = d.name + (port < Integer.MAX_VALUE ? " :" + port : " #" + (i + 1));
      }
    }
  }

  private static int firstPort(Draft d) {
    return d.listens.isEmpty() ? Integer.MAX_VALUE : d.listens.first().port();
  }

  private static boolean isGenericRuntime(ProcessSignature sig) {
    return Set.of("python", "node", "java", "ruby", "php", "perl").contains(sig.id());
  }

  /** The application a process belongs to: its working directory, else the directory of its script. */
  private static String appName(String cwd, ProcessInfo p) {
    if (!cwd.isEmpty() && !cwd.equals("/") && !cwd.startsWith("/root") && !cwd.matches("/home/[^/]+/?")
        && !cwd.startsWith("/var/lib/") && !cwd.equals("/tmp")) {
      return baseName(cwd);
    }
    for (String a : p.argv().subList(1, p.argv().size())) {
      if (!a.startsWith("-") && a.contains("/") && (a.endsWith(".py") || a.endsWith(".js") || a.endsWith(".rb") || a.endsWith(".jar"))) {
        String dir = a.substring(0, a.lastIndexOf('/'));
        if (!dir.isEmpty() && !dir.startsWith("/usr")) return baseName(dir);
      }
    }
    return "";
  }

  private static String baseName(String path) {
    String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    return p.substring(p.lastIndexOf('/') + 1);
  }

  static String slug(String s) {
    String slug = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
    return slug.isEmpty() ? "process" : slug.length() > 60 ? slug.substring(0, 60) : slug;
  }
}
