package dev.infradoc.collect.compose;

import dev.infradoc.collect.CollectContext;
import dev.infradoc.collect.repo.ExternalEndpoint;
import dev.infradoc.collect.repo.FileEvidence;
import dev.infradoc.collect.repo.HostReference;
import dev.infradoc.collect.repo.RepoPaths;
import dev.infradoc.collect.repo.YamlNode;
import dev.infradoc.knowledge.ImageCatalog;
import dev.infradoc.knowledge.ProcessSignature;
import dev.infradoc.knowledge.ProgramName;
import dev.infradoc.model.Component;
import dev.infradoc.model.ComponentKind;
import dev.infradoc.model.Dependency;
import dev.infradoc.model.Evidence;
import dev.infradoc.model.Fragment;
import dev.infradoc.model.Joins;
import dev.infradoc.model.Listen;
import dev.infradoc.model.Problem;
import dev.infradoc.model.Zone;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One compose project (a base file and its override, already merged) turned into components (one
 * per service), declared and configured dependencies, and network zones.
 */
final class ComposeProject {
  private static final String TECHNOLOGY_BUILT = "container built from source";

  private final String project;
  /** The project's folder, relative to the repository root ("" for the root). */
  private final String folder;
  private final YamlNode merged;
  private final List<YamlNode> files;
  private final FileEvidence ev;
  private final CollectContext ctx;
  private final Fragment out;
  private final Map<String, String> hostToService = new TreeMap<>();

  ComposeProject(String project, String folder, YamlNode merged, List<YamlNode> files, FileEvidence ev,
      CollectContext ctx, Fragment out) {
    this.project = project;
    this.folder = folder;
    this.merged = merged;
    this.files = files;
    this.ev = ev;
    this.ctx = ctx;
    this.out = out;
  }

  String id(String service) {
    return "compose:" + project + "/" + service;
  }

  void read() {
    YamlNode services = services(merged);
    if (!services.isMap()) return;
    for (YamlNode.Entry s : services.entries()) indexHostNames(s.key(), s.value());
    hostToService.forEach((host, service) -> out.joins.names.add(new Joins.Name("compose:" + project, host, id(service))));
    Map<String, TreeSet<String>> networkMembers = new TreeMap<>();
    for (YamlNode.Entry s : services.entries()) {
      if (!s.value().isMap()) continue;
      service(s.key(), s.value(), networkMembers);
    }
    zones(services, networkMembers);
  }

  /** Compose v1 files have the services at the top level; later versions under {@code services:}. */
  static YamlNode services(YamlNode root) {
    if (root.has("services")) return root.get("services");
    if (root.has("version")) return YamlNode.MISSING;
    boolean v1 = root.isMap() && !root.entries().isEmpty()
        && root.entries().stream().allMatch(e -> e.value().isMap() && (e.value().has("image") || e.value().has("build")));
    return v1 ? root : YamlNode.MISSING;
  }

  /** Names a service is reachable by on its networks: its name, container_name, hostname, aliases. */
  private void indexHostNames(String name, YamlNode svc) {
    hostToService.put(name.toLowerCase(Locale.ROOT), name);
    for (String key : List.of("container_name", "hostname")) {
      String v = svc.get(key).text();
      if (!v.isEmpty() && !v.contains("$")) hostToService.putIfAbsent(v.toLowerCase(Locale.ROOT), name);
    }
    for (YamlNode.Entry n : svc.get("networks").entries()) {
      for (String alias : n.value().get("aliases").texts()) hostToService.putIfAbsent(alias.toLowerCase(Locale.ROOT), name);
    }
  }

  private void service(String name, YamlNode svc, Map<String, TreeSet<String>> networkMembers) {
    String id = id(name);
    List<Evidence> evidence = new ArrayList<>();
    for (YamlNode f : files) {
      YamlNode declared = services(f);
      if (declared.has(name)) evidence.add(ev.ofKey(declared, name));
    }
    Map<String, String> attrs = new TreeMap<>();
    attrs.put("project", project);

    String image = svc.get("image").text();
    if (!image.isEmpty()) {
      attrs.put("image", image);
      evidence.add(ev.of(svc.get("image")));
      out.joins.runs.add(new Joins.Runs(id, image, ev.of(svc.get("image"))));
    }
    // `docker compose -f FILE up` brings up every service of the project FILE belongs to.
    for (YamlNode f : files) out.joins.units.add(new Joins.Unit(id, Joins.Unit.COMPOSE_FILE, f.file()));
    YamlNode build = svc.get("build");
    if (build.isPresent()) {
      String context = build.isScalar() ? build.text() : build.get("context").text();
      String dockerfile = build.get("dockerfile").text();
      attrs.put("build", (context.isEmpty() ? "." : context) + (dockerfile.isEmpty() ? "" : " (" + dockerfile + ")"));
      evidence.add(ev.ofKey(svc, "build"));
      // The Dockerfile is relative to the context; a context that is a URL or outside the repository names no file here.
      String base = context.isEmpty() ? "." : context;
      RepoPaths.inRepo(folder, base + "/" + (dockerfile.isEmpty() ? "Dockerfile" : dockerfile))
          .ifPresent(path -> out.joins.uses.add(new Joins.Use(id, path, Joins.Use.BUILD, ev.ofKey(svc, "build"))));
    }

    List<Listen> listens = new ArrayList<>();
    List<String> ports = new ArrayList<>();
    for (YamlNode p : svc.get("ports").items()) {
      PortMapping m = p.isMap()
          ? PortMapping.parseLong(p.get("target").text(), p.get("published").text(), p.get("host_ip").text(),
              p.get("protocol").text(), longForm(p))
          : PortMapping.parseShort(p.text());
      ports.add(m.describe());
      listens.addAll(m.listens());
      evidence.add(ev.of(p));
    }
    if (!ports.isEmpty()) attrs.put("ports", String.join(", ", ports));
    List<String> expose = svc.get("expose").texts();
    if (!expose.isEmpty()) attrs.put("expose", String.join(", ", expose));

    String command = commandText(svc.get("command"));
    if (!command.isEmpty()) {
      attrs.put("command", ev.redactor().commandLine(command));
      evidence.add(ev.ofKey(svc, "command"));
    }
    String entrypoint = commandText(svc.get("entrypoint"));
    if (!entrypoint.isEmpty()) attrs.put("entrypoint", ev.redactor().commandLine(entrypoint));

    Classification what = classify(image, build.isPresent(), ports.isEmpty(), (entrypoint + " " + command).strip());
    // The image tag is the version, of a known technology or of the project's own image alike.
    String version = image.isEmpty() ? "" : ImageCatalog.parse(image).version();

    int instances = instances(svc, attrs, evidence);
    healthcheck(svc, attrs, evidence);
    networks(name, svc, attrs, networkMembers);
    volumes(id, svc, attrs, evidence);
    configs(id, svc);
    environment(id, svc, attrs);
    dependsOn(id, svc, attrs);
    simpleAttributes(svc, attrs);
    if (svc.has("extends")) {
      out.add(new Problem(ev.sourceId(), svc.file() + ":" + svc.keyLine("extends"),
          "service " + name + " extends another service; the extended settings were not merged",
          "the documented settings are only those written in this service"));
    }
    out.add(new Component(id, name, what.kind, what.technology, version, "", ev.sourceId(), instances, "", "",
        listens, attrs, Evidence.sorted(evidence)));
  }

  private static String longForm(YamlNode p) {
    List<String> parts = new ArrayList<>();
    for (YamlNode.Entry e : p.entries()) parts.add(e.key() + ": " + e.value().text());
    return "{" + String.join(", ", parts) + "}";
  }

  private record Classification(ComponentKind kind, String technology) {}

  /**
   * The image says what a service is when the knowledge file knows it. Otherwise it is the
   * project's own code: a worker when it publishes no port and its command is a known worker
   * (or says "worker"), else an application.
   */
  private Classification classify(String image, boolean built, boolean noPorts, String command) {
    Optional<ImageCatalog.ImageKind> known = image.isEmpty() ? Optional.empty() : ImageCatalog.shipped().find(image);
    if (known.isPresent()) return new Classification(ComponentKind.fromId(known.get().kind()), known.get().technology());
    String technology = built ? TECHNOLOGY_BUILT : image.isEmpty() ? "" : "container image " + ImageCatalog.parse(image).repository();
    Optional<ProcessSignature> sig = command.isEmpty() ? Optional.empty() : signature(command);
    if (sig.isPresent() && !sig.get().role().equals("session")) technology = sig.get().technology();
    if (noPorts && !command.isEmpty()) {
      if (sig.isPresent() && (sig.get().kind().equals("worker") || sig.get().kind().equals("scheduler"))) {
        return new Classification(ComponentKind.fromId(sig.get().kind()), technology);
      }
      if (command.toLowerCase(Locale.ROOT).contains("worker")) return new Classification(ComponentKind.WORKER, technology);
    }
    return new Classification(ComponentKind.APPLICATION, technology);
  }

  private Optional<ProcessSignature> signature(String command) {
    if (ctx.knowledge() == null) return Optional.empty();
    List<String> argv = Arrays.asList(command.strip().split("\\s+"));
    // "sh -c 'celery worker'" and "python -m celery worker": look at what the shell or interpreter runs
    String program = ProgramName.of(argv);
    return ctx.knowledge().process(program, command);
  }

  static String commandText(YamlNode n) {
    if (n.isScalar()) return n.text().strip();
    if (n.isSeq()) return String.join(" ", n.texts()).strip();
    return "";
  }

  private int instances(YamlNode svc, Map<String, String> attrs, List<Evidence> evidence) {
    YamlNode replicas = svc.path("deploy", "replicas");
    if (!replicas.isPresent()) replicas = svc.get("scale");
    String mode = svc.path("deploy", "mode").text();
    if (!mode.isEmpty()) {
      attrs.put("deploy.mode", mode);
      evidence.add(ev.of(svc.path("deploy", "mode")));
    }
    if (!replicas.isPresent()) return 1;
    attrs.put("replicas", replicas.text());
    evidence.add(ev.of(replicas));
    try {
      int n = Integer.parseInt(replicas.text().strip());
      return Math.max(n, 0);
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  private void healthcheck(YamlNode svc, Map<String, String> attrs, List<Evidence> evidence) {
    YamlNode hc = svc.get("healthcheck");
    if (!hc.isMap()) {
      attrs.put("healthcheck", "none declared");
      return;
    }
    evidence.add(ev.ofKey(svc, "healthcheck"));
    if (hc.get("disable").text().equals("true")) {
      attrs.put("healthcheck", "disabled");
      return;
    }
    List<String> test = new ArrayList<>(hc.get("test").texts());
    if (!test.isEmpty() && (test.get(0).equals("CMD") || test.get(0).equals("CMD-SHELL"))) test.remove(0);
    attrs.put("healthcheck", test.isEmpty() ? "declared" : ev.redactor().commandLine(String.join(" ", test)));
    for (String k : List.of("interval", "timeout", "retries", "start_period")) {
      if (hc.get(k).isScalar()) attrs.put("healthcheck." + k, hc.get(k).text());
    }
  }

  private void networks(String name, YamlNode svc, Map<String, String> attrs, Map<String, TreeSet<String>> members) {
    String mode = svc.get("network_mode").text();
    if (!mode.isEmpty()) {
      attrs.put("network_mode", mode);
      return;
    }
    List<String> names = new ArrayList<>();
    for (YamlNode.Entry n : svc.get("networks").entries()) names.add(n.key());
    if (names.isEmpty()) names.add("default");
    names.forEach(n -> members.computeIfAbsent(n, k -> new TreeSet<>()).add(name));
    attrs.put("networks", String.join(", ", new TreeSet<>(names)));
  }

  private void volumes(String id, YamlNode svc, Map<String, String> attrs, List<Evidence> evidence) {
    List<String> mounts = new ArrayList<>();
    for (YamlNode v : svc.get("volumes").items()) {
      String text = v.isScalar() ? v.text()
          : (v.get("type").text().isEmpty() ? "volume" : v.get("type").text()) + " " + v.get("source").text()
              + ":" + v.get("target").text() + (v.get("read_only").text().equals("true") ? ":ro" : "");
      String source = text.contains(":") ? text.substring(0, text.indexOf(':')) : "";
      boolean named = !source.isEmpty() && !source.startsWith(".") && !source.startsWith("/")
          && !source.startsWith("~") && !source.startsWith("$") && !source.contains(" ");
      mounts.add(text.strip() + (named ? " (named volume)" : ""));
      evidence.add(ev.of(v));
      String bind = v.isScalar() ? source : v.get("type").text().equals("bind") ? v.get("source").text() : "";
      // Only paths relative to the project are in the repository; named volumes, ~ and absolute paths are not.
      if (bind.startsWith("./") || bind.startsWith("../") || bind.equals(".") || bind.equals("..")) {
        RepoPaths.inRepo(folder, bind).ifPresent(path -> out.joins.uses.add(new Joins.Use(id, path, Joins.Use.MOUNT, ev.of(v))));
      }
    }
    if (!mounts.isEmpty()) attrs.put("volumes", String.join(", ", mounts));
  }

  /** A service's {@code configs:} naming a top-level config read from a file of the project: that file is mounted. */
  private void configs(String id, YamlNode svc) {
    for (YamlNode c : svc.get("configs").items()) {
      String name = c.isScalar() ? c.text() : c.get("source").text();
      String file = merged.path("configs", name).get("file").text();
      if (!name.isEmpty() && !file.isEmpty()) {
        RepoPaths.inRepo(folder, file).ifPresent(path -> out.joins.uses.add(new Joins.Use(id, path, Joins.Use.MOUNT, ev.of(c))));
      }
    }
  }

  /** Environment values become attributes (redacted) and, when they name another service, configured edges. */
  private void environment(String id, YamlNode svc, Map<String, String> attrs) {
    for (YamlNode.Entry e : svc.get("environment").entries()) {
      YamlNode value = e.value();
      String raw = value.isScalar() ? value.text() : "";
      attrs.put("env." + e.key(), value.isScalar() ? ev.redactor().envValue(e.key(), raw) : "(from the shell)");
      for (HostReference ref : HostReference.find(e.key(), raw)) {
        String target = hostToService.get(ref.host());
        Evidence where = ev.ofEnv(value, e.key(), raw);
        if (target == null) {
          ExternalEndpoint.of(ref, ctx.knowledge(), where).ifPresent(ext -> {
            out.add(ext);
            out.add(new Dependency(id, ext.id(), ref.scheme(), ref.port(), Dependency.CONFIGURED, List.of(where)));
          });
          continue;
        }
        if (id(target).equals(id)) continue;
        out.add(new Dependency(id, id(target), ref.scheme(), ref.port(), Dependency.CONFIGURED, List.of(where)));
      }
    }
  }

  /** depends_on (short or long form) and links are declared edges; the condition is kept. */
  private void dependsOn(String id, YamlNode svc, Map<String, String> attrs) {
    List<String> described = new ArrayList<>();
    for (YamlNode.Entry d : svc.get("depends_on").entries()) {
      String condition = d.value().get("condition").text();
      described.add(d.key() + (condition.isEmpty() ? "" : " (" + condition + ")"));
      if (!hostToService.containsValue(d.key())) {
        out.add(new Problem(ev.sourceId(), d.value().file() + ":" + d.keyLine(),
            "depends_on names " + d.key() + ", which is not a service of project " + project, "check the service name"));
        continue;
      }
      out.add(new Dependency(id, id(d.key()), "", 0, Dependency.DECLARED,
          List.of(ev.of(d.value().file(), d.keyLine()))));
    }
    if (!described.isEmpty()) attrs.put("depends_on", String.join(", ", described));
    for (YamlNode link : svc.get("links").items()) {
      String target = link.text().split(":", 2)[0].strip();
      if (hostToService.containsValue(target)) {
        out.add(new Dependency(id, id(target), "", 0, Dependency.DECLARED, List.of(ev.of(link))));
      }
    }
  }

  private void simpleAttributes(YamlNode svc, Map<String, String> attrs) {
    for (String k : List.of("restart", "container_name", "hostname", "user", "read_only", "privileged")) {
      if (svc.get(k).isScalar()) attrs.put(k, svc.get(k).text());
    }
    for (String k : List.of("profiles", "env_file", "secrets", "cap_add")) {
      List<String> texts = new ArrayList<>();
      for (YamlNode i : svc.get(k).isSeq() ? svc.get(k).items() : List.of(svc.get(k))) {
        if (i.isScalar()) texts.add(i.text());
        else if (i.isMap()) texts.add(i.get(i.has("source") ? "source" : "path").text());
      }
      if (!texts.isEmpty()) attrs.put(k, String.join(", ", texts));
    }
    YamlNode limits = svc.path("deploy", "resources", "limits");
    for (String k : List.of("cpus", "memory")) {
      if (limits.get(k).isScalar()) attrs.put("limits." + k, limits.get(k).text());
    }
    if (svc.get("mem_limit").isScalar()) attrs.put("limits.memory", svc.get("mem_limit").text());
    if (svc.get("cpus").isScalar()) attrs.put("limits.cpus", svc.get("cpus").text());
  }

  /** Declared networks, and the implicit "default" network when a service uses it. */
  private void zones(YamlNode services, Map<String, TreeSet<String>> members) {
    YamlNode declared = merged.get("networks");
    TreeSet<String> names = new TreeSet<>(members.keySet());
    declared.entries().forEach(e -> names.add(e.key()));
    for (String n : names) {
      Map<String, String> attrs = new TreeMap<>();
      attrs.put("project", project);
      TreeSet<String> on = members.getOrDefault(n, new TreeSet<>());
      if (!on.isEmpty()) attrs.put("services", String.join(", ", on));
      List<Evidence> evidence = new ArrayList<>();
      String cidr = "";
      if (declared.has(n)) {
        YamlNode net = declared.get(n);
        evidence.add(ev.ofKey(declared, n));
        for (String k : List.of("driver", "external", "internal", "name", "attachable")) {
          if (net.get(k).isScalar()) attrs.put(k, net.get(k).text());
        }
        YamlNode ipam = net.path("ipam", "config");
        if (ipam.isSeq() && !ipam.items().isEmpty()) cidr = ipam.items().get(0).get("subnet").text();
      } else if (n.equals("default")) {
        attrs.put("implicit", "created by compose for services that name no network");
        evidence.add(ev.ofKey(mergedServicesParent(), "services"));
      } else {
        continue;
      }
      out.zones.add(new Zone("compose:" + project + "/network/" + n, n, "network", cidr, "", attrs, Evidence.sorted(evidence)));
    }
  }

  private YamlNode mergedServicesParent() {
    return merged.has("services") ? merged : YamlNode.map(merged.file(), merged.line(),
        List.of(new YamlNode.Entry("services", merged.line(), merged)));
  }
}
