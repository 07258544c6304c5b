package dev.infradoc.collect.actions;

import dev.infradoc.collect.repo.FileEvidence;
import dev.infradoc.collect.repo.RepoPaths;
import dev.infradoc.collect.repo.YamlNode;
import dev.infradoc.model.Evidence;
import dev.infradoc.model.Fragment;
import dev.infradoc.model.Joins;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one job's steps say they deliver, as {@link Joins.Delivery} facts for the pipeline to match
 * with what the repository's other files declare: images built or pushed (and the Dockerfile they
 * are built from), the folder {@code terraform apply} runs in, the Kubernetes files applied, the
 * compose files brought up, the ECS service updated. Paths are resolved against the step's working
 * directory ({@code working-directory}, {@code defaults.run.working-directory}, {@code cd} in the
 * script); values of {@code env:} written in the workflow stand in for their variables. Nothing is
 * recorded for what is written as a variable no {@code env:} states.
 */
final class Deliveries {
  private final FileEvidence ev;
  private final Fragment out;
  private final Path root;
  private final String job;
  private final Map<String, String> env = new TreeMap<>();
  /** Images a docker/metadata-action step names, by the step's id. */
  private final Map<String, List<String>> metadata = new TreeMap<>();

  private Deliveries(FileEvidence ev, Fragment out, Path root, String job) {
    this.ev = ev;
    this.out = out;
    this.root = root;
    this.job = job;
  }

  static void read(FileEvidence ev, Fragment out, Path root, String jobId, YamlNode workflow, YamlNode job) {
    Deliveries d = new Deliveries(ev, out, root, jobId);
    d.addEnv(workflow.get("env"));
    d.addEnv(job.get("env"));
    // Each level replaces the one above; all are relative to the workspace (the repository root).
    String folder = d.folder("", workflow.path("defaults", "run", "working-directory"));
    if (job.path("defaults", "run", "working-directory").isPresent()) folder = d.folder("", job.path("defaults", "run", "working-directory"));
    for (YamlNode step : job.get("steps").items()) {
      Map<String, String> saved = new TreeMap<>(d.env);
      d.addEnv(step.get("env"));
      if (step.get("uses").isScalar()) d.action(step);
      if (step.get("run").isScalar()) {
        d.script(step.get("run"), step.get("working-directory").isPresent() ? d.folder("", step.get("working-directory")) : folder);
      }
      d.env.clear();
      d.env.putAll(saved);
    }
  }

  private void addEnv(YamlNode map) {
    for (YamlNode.Entry e : map.entries()) {
      String v = e.value().text();
      if (e.value().isScalar() && !v.contains("${{")) env.put(e.key(), v);
    }
  }

  /** A working directory relative to the repository root; null when it is a variable or outside the repository. */
  private String folder(String base, YamlNode written) {
    if (!written.isScalar()) return base;
    return RepoPaths.inRepo("", expand(written.text())).orElse(null);
  }

  /** {@code ${{ env.X }}}, {@code $X} and {@code ${X}} replaced by what env: states for X; other variables stay. */
  String expand(String text) {
    String s = text;
    for (Map.Entry<String, String> e : env.entrySet()) {
      String k = java.util.regex.Pattern.quote(e.getKey());
      String v = java.util.regex.Matcher.quoteReplacement(e.getValue());
      s = s.replaceAll("\\$\\{\\{\\s*env\\." + k + "\\s*}}", v).replaceAll("\\$\\{" + k + "}", v).replaceAll("\\$" + k + "(?![A-Za-z0-9_])", v);
    }
    return s;
  }

  private void add(String how, String target, String said, Evidence at) {
    out.joins.deliveries.add(new Joins.Delivery(job, how, target, said, at));
  }

  // --- actions

  private void action(YamlNode step) {
    String uses = step.get("uses").text().strip().toLowerCase(Locale.ROOT).replaceFirst("@.*", "");
    YamlNode with = step.get("with");
    Evidence at = ev.of(step.get("uses"));
    switch (uses) {
      case "docker/metadata-action" -> {
        List<String> images = new ArrayList<>();
        for (String line : expand(with.get("images").text()).split("\n")) {
          String l = line.strip();
          if (l.isEmpty()) continue;
          if (l.startsWith("name=")) images.add(l.substring(5).split(",")[0].strip());
          else for (String i : l.split(",")) if (!i.isBlank()) images.add(i.strip());
        }
        if (!step.get("id").text().isEmpty()) metadata.put(step.get("id").text(), images);
      }
      case "docker/build-push-action" -> buildPush(with, at);
      case "aws-actions/amazon-ecs-deploy-task-definition" -> {
        String service = expand(with.get("service").text());
        if (!service.isEmpty()) add(Joins.Unit.ECS_SERVICE, service, "deploys ECS service " + service, ev.of(with.get("service")));
      }
      case "aws-actions/amazon-ecs-render-task-definition" -> {
        String image = expand(with.get("image").text());
        if (!image.isEmpty()) add(Joins.Delivery.IMAGE, image, "renders a task definition with " + image, ev.of(with.get("image")));
        String family = expand(with.get("task-definition-family").text());
        if (!family.isEmpty()) {
          add(Joins.Unit.ECS_TASK_FAMILY, family, "renders task definition " + family, ev.of(with.get("task-definition-family")));
        }
      }
      case "azure/k8s-deploy" -> {
        YamlNode manifests = with.get("manifests");
        for (String m : expand(manifests.text()).split("[\n,]")) {
          if (!m.isBlank()) kubernetesPath("", m.strip(), false, "deploys " + m.strip(), ev.of(manifests));
        }
      }
      default -> { }
    }
  }

  private void buildPush(YamlNode with, Evidence at) {
    String push = with.get("push").text();
    String verb = push.equals("true") ? "builds and pushes " : push.contains("${{") ? "builds (and conditionally pushes) " : "builds ";
    YamlNode tags = with.get("tags");
    String written = expand(tags.text());
    java.util.regex.Matcher meta = java.util.regex.Pattern.compile("\\$\\{\\{\\s*steps\\.([A-Za-z0-9_-]+)\\.outputs\\.tags\\s*}}").matcher(written);
    if (meta.find() && metadata.containsKey(meta.group(1))) {
      for (String image : metadata.get(meta.group(1))) add(Joins.Delivery.IMAGE, image, verb + image, ev.of(tags));
    } else {
      for (String t : written.split("[\n,]")) {
        if (!t.isBlank()) add(Joins.Delivery.IMAGE, t.strip(), verb + t.strip(), tags.isPresent() ? ev.of(tags) : at);
      }
    }
    // The action builds from the repository (its Git context) unless a context is given; file is relative to the workspace.
    String context = expand(with.get("context").text());
    String file = expand(with.get("file").text());
    String dockerfile = file.isEmpty() ? (context.isEmpty() ? "." : context) + "/Dockerfile" : file;
    RepoPaths.inRepo("", dockerfile).ifPresent(p -> add(Joins.Delivery.DOCKERFILE, p, "builds from " + p, at));
  }

  // --- run: scripts

  private void script(YamlNode run, String folder) {
    String[] lines = run.text().split("\n", -1);
    String cwd = folder;
    for (int i = 0; i < lines.length; i++) {
      int first = i;
      StringBuilder logical = new StringBuilder();
      String line = lines[i];
      while (line.endsWith("\\") && i + 1 < lines.length) {
        logical.append(line, 0, line.length() - 1).append(' ');
        line = lines[++i];
      }
      logical.append(line);
      Evidence at = ev.of(run.file(), run.lineOfContentLine(first));
      for (List<String> command : Shell.commands(logical.toString())) {
        List<String> words = command.stream().map(this::expand).toList();
        if (words.isEmpty()) continue;
        if (words.get(0).equals("cd") && words.size() > 1) {
          cwd = cwd == null ? null : RepoPaths.inRepo(cwd, words.get(1)).orElse(null);
          continue;
        }
        command(words, cwd, at);
      }
    }
  }

  private void command(List<String> w, String cwd, Evidence at) {
    String tool = w.get(0);
    Shell.Args a = Shell.Args.of(w.subList(1, w.size()));
    switch (tool) {
      case "docker" -> docker(a, cwd, at);
      case "docker-compose" -> compose(a, cwd, at);
      case "terraform" -> terraform(a, cwd, at);
      case "kubectl" -> kubectl(a, cwd, at);
      case "kustomize" -> {
        String dir = a.positional(1).isEmpty() ? "." : a.positional(1);
        if (a.positional(0).equals("build")) kustomize(cwd, dir, "kustomize build " + dir, at);
      }
      case "helm" -> helm(a, cwd, at);
      case "aws" -> {
        if (a.positional(0).equals("ecs") && a.positional(1).equals("update-service") && !a.value("--service").isEmpty()) {
          add(Joins.Unit.ECS_SERVICE, a.value("--service"), "aws ecs update-service --service " + a.value("--service"), at);
        }
      }
      default -> { }
    }
  }

  private void docker(Shell.Args a, String cwd, Evidence at) {
    String sub = a.positional(0);
    boolean build = sub.equals("build") || (List.of("image", "buildx").contains(sub) && a.positional(1).equals("build"));
    boolean push = sub.equals("push") || (sub.equals("image") && a.positional(1).equals("push"));
    if (sub.equals("compose")) {
      compose(Shell.Args.of(a.words().subList(1, a.words().size())), cwd, at);
    } else if (build) {
      for (String tag : a.values("-t", "--tag")) add(Joins.Delivery.IMAGE, tag, "builds " + tag, at);
      String context = a.positional(sub.equals("build") ? 1 : 2);
      String file = a.value("-f", "--file");
      if (cwd != null && !context.isEmpty() && !context.equals("-") && !context.contains("://")) {
        // -f is relative to where docker runs, the default Dockerfile to the context.
        (file.isEmpty() ? RepoPaths.inRepo(cwd, context + "/Dockerfile") : RepoPaths.inRepo(cwd, file))
            .ifPresent(p -> add(Joins.Delivery.DOCKERFILE, p, "builds from " + p, at));
      }
    } else if (push) {
      String image = a.positional(sub.equals("push") ? 1 : 2);
      if (!image.isEmpty()) add(Joins.Delivery.IMAGE, image, "pushes " + image, at);
    }
  }

  private static final List<String> COMPOSE_FILES = List.of("compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml");

  private void compose(Shell.Args a, String cwd, Evidence at) {
    if (!a.positionals().contains("up")) return;
    if (cwd == null) {
      add(Joins.Delivery.COMPOSE, Joins.Delivery.NOWHERE, "docker compose up in a folder given as a variable", at);
      return;
    }
    String dir = a.value("--project-directory");
    String base = dir.isEmpty() ? cwd : RepoPaths.inRepo(cwd, dir).orElse(null);
    List<String> files = a.values("-f", "--file");
    if (files.isEmpty()) {
      // Docker Compose looks for the first of its default names in the folder.
      for (String name : COMPOSE_FILES) {
        if (base != null && Files.isRegularFile(root.resolve(base.isEmpty() ? name : base + "/" + name))) {
          files = List.of(name);
          break;
        }
      }
      if (files.isEmpty()) {
        String where = base == null || base.isEmpty() ? "the repository root" : base;
        add(Joins.Delivery.COMPOSE, Joins.Delivery.NOWHERE, "docker compose up in " + where, at);
        return;
      }
    }
    for (String f : files) {
      String path = RepoPaths.inRepo(base == null ? cwd : base, f).orElse(null);
      add(Joins.Delivery.COMPOSE, path == null ? Joins.Delivery.NOWHERE : path, "docker compose up (" + (path == null ? f : path) + ")", at);
    }
  }

  private void terraform(Shell.Args a, String cwd, Evidence at) {
    if (!a.positional(0).equals("apply")) return;
    String chdir = a.value("-chdir");
    String folder = cwd == null ? null : chdir.isEmpty() ? cwd : RepoPaths.inRepo(cwd, chdir).orElse(null);
    String said = "terraform apply in " + (folder == null ? (chdir.isEmpty() ? "a folder given as a variable" : chdir)
        : folder.isEmpty() ? "the repository root" : folder);
    add(Joins.Delivery.TERRAFORM, folder == null ? Joins.Delivery.NOWHERE : dot(folder), said, at);
  }

  private void kubectl(Shell.Args a, String cwd, Evidence at) {
    if (!List.of("apply", "create", "replace").contains(a.positional(0))) return;
    boolean recursive = a.has("-R", "--recursive");
    for (String f : a.values("-f", "--filename")) {
      if (!f.equals("-")) kubernetesPath(cwd, f, recursive, "kubectl " + a.positional(0) + " -f " + f, at);
    }
    for (String k : a.values("-k", "--kustomize")) kustomize(cwd, k, "kubectl " + a.positional(0) + " -k " + k, at);
  }

  private void helm(Shell.Args a, String cwd, Evidence at) {
    if (!List.of("upgrade", "install").contains(a.positional(0))) return;
    String chart = a.positional(2);
    if (chart.isEmpty()) return;
    String path = cwd == null ? null : RepoPaths.inRepo(cwd, chart).orElse(null);
    boolean local = path != null && Files.isRegularFile(root.resolve(path.isEmpty() ? "Chart.yaml" : path + "/Chart.yaml"));
    // A chart from a repository (bitnami/nginx) is no folder here: said as not matched.
    add(Joins.Delivery.HELM_CHART, local ? dot(path) : Joins.Delivery.NOWHERE, "helm " + a.positional(0) + " " + a.positional(1) + " " + chart, at);
  }

  /**
   * A kustomization: the files its {@code resources} (and older {@code bases}) list, followed into
   * the folders they name; a folder without a kustomization file counts with all below it.
   */
  private void kustomize(String cwd, String written, String said, Evidence at) {
    String dir = cwd == null || written.contains("://") ? null : RepoPaths.inRepo(cwd, written).orElse(null);
    if (dir == null) {
      add(Joins.Delivery.KUBERNETES, Joins.Delivery.NOWHERE, said, at);
      return;
    }
    List<String> files = new ArrayList<>();
    kustomization(dir, files, new java.util.TreeSet<>());
    if (files.isEmpty()) kubernetesPath(dir, ".", true, said, at);
    for (String f : files) kubernetesPath("", f, true, said, at);
  }

  private void kustomization(String dir, List<String> files, java.util.Set<String> seen) {
    if (!seen.add(dir)) return;
    for (String name : List.of("kustomization.yaml", "kustomization.yml", "Kustomization")) {
      String rel = dir.isEmpty() ? name : dir + "/" + name;
      if (!Files.isRegularFile(root.resolve(rel))) continue;
      dev.infradoc.collect.repo.YamlFile file = dev.infradoc.collect.repo.YamlReader.read(root, rel);
      if (file.error().isPresent() || file.documents().isEmpty()) return;
      YamlNode doc = file.documents().get(0);
      for (String key : List.of("resources", "bases")) {
        for (String r : doc.get(key).texts()) {
          String path = RepoPaths.inRepo(dir, r).orElse(null);
          if (path == null) continue;
          if (Files.isDirectory(root.resolve(path.isEmpty() ? "." : path))) {
            int before = files.size();
            kustomization(path, files, seen);
            if (files.size() == before) files.add(path);
          } else {
            files.add(path);
          }
        }
      }
      return;
    }
  }

  /** A file, or a folder (its files, or all below it when {@code tree}); said as not matched when it is not in the repository. */
  private void kubernetesPath(String cwd, String written, boolean tree, String said, Evidence at) {
    String path = cwd == null || written.contains("://") ? null : RepoPaths.inRepo(cwd, written).orElse(null);
    if (path == null) {
      add(Joins.Delivery.KUBERNETES, Joins.Delivery.NOWHERE, said, at);
      return;
    }
    boolean folder = Files.isDirectory(root.resolve(path.isEmpty() ? "." : path));
    add(!folder ? Joins.Delivery.KUBERNETES : tree ? Joins.Delivery.KUBERNETES_TREE : Joins.Delivery.KUBERNETES_FOLDER, dot(path), said, at);
  }

  /** The repository's root folder as deliveries write it. */
  private static String dot(String folder) {
    return folder.isEmpty() ? "." : folder;
  }
}
