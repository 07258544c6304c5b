package dev.infradoc.collect.actions;

import dev.infradoc.collect.repo.FileEvidence;
import dev.infradoc.collect.repo.RepoTree;
import dev.infradoc.collect.repo.YamlNode;
import dev.infradoc.knowledge.CiActionCatalog;
import dev.infradoc.model.Component;
import dev.infradoc.model.ComponentKind;
import dev.infradoc.model.Dependency;
import dev.infradoc.model.Evidence;
import dev.infradoc.model.Fragment;
import dev.infradoc.model.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One workflow file: a ci-cd component for the workflow ({@code gha:<file>}) and one per job
 * ({@code gha:<file>/<job>}), with triggers, the {@code needs} graph as declared edges, the
 * environment, the runner, the secrets referenced (names only) and what the steps build, test,
 * publish and deploy according to ci-actions.yaml.
 */
final class WorkflowReader {
  private static final String TECHNOLOGY = "GitHub Actions";
  private static final Pattern SECRET = Pattern.compile("\\bsecrets\\.([A-Za-z_][A-Za-z0-9_]*)|\\bsecrets\\[\\s*'([^']+)'\\s*]");
  private static final Pattern LOCAL_WORKFLOW = Pattern.compile("\\./\\.github/workflows/([^/@]+)\\.ya?ml");

  private final FileEvidence ev;
  private final Fragment out;
  private final java.nio.file.Path root;

  /** A {@code workflow_run} trigger, resolved once every workflow's name is known. */
  record WorkflowRun(String from, String workflowName, YamlNode where) {}

  WorkflowReader(FileEvidence ev, Fragment out, java.nio.file.Path root) {
    this.ev = ev;
    this.out = out;
    this.root = root;
  }

  static String stem(String rel) {
    String name = RepoTree.fileName(rel);
    return name.replaceFirst("\\.ya?ml$", "");
  }

  /** Reads the workflow; returns its workflow_run triggers for the caller to resolve. */
  List<WorkflowRun> read(String rel, YamlNode doc) {
    String stem = stem(rel);
    String id = "gha:" + stem;
    Map<String, String> attrs = new TreeMap<>();
    List<Evidence> evidence = new ArrayList<>();
    attrs.put("file", rel);
    evidence.add(ev.of(rel, doc.has("name") ? doc.keyLine("name") : doc.line()));
    YamlNode on = doc.get("on");
    if (on.isPresent()) {
      attrs.put("triggers", Triggers.describe(on));
      evidence.add(ev.ofKey(doc, "on"));
    } else {
      attrs.put("triggers", "none written");
    }
    describeCommon(doc, attrs);
    TreeSet<String> secrets = new TreeSet<>();
    collectSecrets(doc.get("env"), secrets);
    YamlNode jobs = doc.get("jobs");
    List<String> jobNames = new ArrayList<>();
    for (YamlNode.Entry job : jobs.entries()) {
      jobNames.add(job.key());
      secrets.addAll(job(id, job, jobs));
      Deliveries.read(ev, out, root, id + "/" + job.key(), doc, job.value());
    }
    if (!jobNames.isEmpty()) {
      attrs.put("jobs", String.join(", ", jobNames));
      evidence.add(ev.ofKey(doc, "jobs"));
    }
    if (!secrets.isEmpty()) attrs.put("secrets", String.join(", ", secrets));
    String name = doc.get("name").text().isEmpty() ? stem : doc.get("name").text();
    out.add(new Component(id, name, ComponentKind.CI_CD, TECHNOLOGY, "", "", ev.sourceId(), 1, "", "", List.of(), attrs, Evidence.sorted(evidence)));

    List<WorkflowRun> runs = new ArrayList<>();
    for (YamlNode w : Triggers.workflowRuns(on)) runs.add(new WorkflowRun(id, w.text(), w));
    return runs;
  }

  private static void describeCommon(YamlNode node, Map<String, String> attrs) {
    YamlNode perms = node.get("permissions");
    if (perms.isScalar()) attrs.put("permissions", perms.text());
    else if (perms.isMap()) {
      List<String> p = new ArrayList<>();
      perms.entries().forEach(e -> p.add(e.key() + ": " + e.value().text()));
      attrs.put("permissions", String.join(", ", p));
    }
    YamlNode concurrency = node.get("concurrency");
    if (concurrency.isScalar()) attrs.put("concurrency", concurrency.text());
    else if (concurrency.isMap()) attrs.put("concurrency", concurrency.get("group").text());
  }

  /** One job; returns the secret names it references. */
  private TreeSet<String> job(String workflowId, YamlNode.Entry entry, YamlNode jobs) {
    String id = workflowId + "/" + entry.key();
    YamlNode job = entry.value();
    Map<String, String> attrs = new TreeMap<>();
    List<Evidence> evidence = new ArrayList<>();
    attrs.put("workflow", workflowId);
    evidence.add(ev.of(job.file(), entry.keyLine()));
    YamlNode runsOn = job.get("runs-on");
    if (runsOn.isPresent()) {
      attrs.put("runs-on", runsOn.isMap()
          ? String.join(", ", concat(runsOn.get("group").texts(), runsOn.get("labels").texts()))
          : String.join(", ", runsOn.texts()));
      evidence.add(ev.ofKey(job, "runs-on"));
    }
    YamlNode env = job.get("environment");
    if (env.isPresent()) {
      attrs.put("environment", env.isMap() ? env.get("name").text() : env.text());
      if (env.get("url").isScalar()) attrs.put("environment.url", env.get("url").text());
      evidence.add(ev.ofKey(job, "environment"));
    }
    for (String k : List.of("if", "timeout-minutes", "continue-on-error")) {
      if (job.get(k).isScalar()) attrs.put(k, job.get(k).text());
    }
    describeCommon(job, attrs);
    YamlNode matrix = job.path("strategy", "matrix");
    if (matrix.isMap()) attrs.put("matrix", String.join(", ", matrix.entries().stream().map(YamlNode.Entry::key).toList()));
    if (job.path("container").isPresent()) {
      attrs.put("container", job.get("container").isMap() ? job.path("container", "image").text() : job.get("container").text());
    }
    List<String> services = new ArrayList<>();
    for (YamlNode.Entry s : job.get("services").entries()) services.add(s.key() + " (" + s.value().get("image").text() + ")");
    if (!services.isEmpty()) attrs.put("services", String.join(", ", services));

    needs(id, workflowId, job, jobs, attrs);
    reusableWorkflow(id, job, attrs, evidence);
    steps(job, attrs, evidence);
    TreeSet<String> secrets = new TreeSet<>();
    collectSecrets(job, secrets);
    if (job.get("secrets").text().equals("inherit")) secrets.add("(all, inherited)");
    if (!secrets.isEmpty()) attrs.put("secrets", String.join(", ", secrets));
    String name = job.get("name").text().isEmpty() ? entry.key() : job.get("name").text();
    out.add(new Component(id, name, ComponentKind.CI_CD, TECHNOLOGY, "", "", ev.sourceId(), 1, "", "", List.of(), attrs, Evidence.sorted(evidence)));
    return secrets;
  }

  private void needs(String id, String workflowId, YamlNode job, YamlNode jobs, Map<String, String> attrs) {
    YamlNode needs = job.get("needs");
    List<YamlNode> items = needs.isScalar() ? List.of(needs) : needs.items();
    List<String> names = new ArrayList<>();
    for (YamlNode n : items) {
      if (!n.isScalar()) continue;
      names.add(n.text());
      if (!jobs.has(n.text())) {
        out.add(new Problem(ev.sourceId(), n.file() + ":" + n.line(), "job needs " + n.text() + ", which is not a job of this workflow",
            "check the job id"));
        continue;
      }
      out.add(new Dependency(id, workflowId + "/" + n.text(), "", 0, Dependency.DECLARED, List.of(ev.of(n))));
    }
    if (!names.isEmpty()) attrs.put("needs", String.join(", ", names));
  }

  /** {@code uses: ./.github/workflows/deploy.yml} at job level calls another workflow of this repository. */
  private void reusableWorkflow(String id, YamlNode job, Map<String, String> attrs, List<Evidence> evidence) {
    YamlNode uses = job.get("uses");
    if (!uses.isScalar()) return;
    attrs.put("calls", uses.text());
    evidence.add(ev.of(uses));
    Matcher m = LOCAL_WORKFLOW.matcher(uses.text());
    if (m.matches()) {
      out.add(new Dependency(id, "gha:" + m.group(1), "", 0, Dependency.DECLARED, List.of(ev.of(uses))));
    }
  }

  /** What the steps do, from the action used or the commands run, each with the line that shows it. */
  private void steps(YamlNode job, Map<String, String> attrs, List<Evidence> evidence) {
    Map<String, TreeSet<String>> does = new TreeMap<>();
    List<String> actions = new ArrayList<>();
    int count = 0;
    for (YamlNode step : job.get("steps").items()) {
      count++;
      YamlNode uses = step.get("uses");
      if (uses.isScalar()) {
        actions.add(uses.text());
        for (CiActionCatalog.CiStep s : CiActionCatalog.shipped().forUses(uses.text())) {
          does.computeIfAbsent(s.does(), k -> new TreeSet<>()).add(s.what());
          evidence.add(ev.of(uses));
        }
      }
      YamlNode run = step.get("run");
      if (run.isScalar()) {
        String[] lines = run.text().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
          for (CiActionCatalog.CiStep s : CiActionCatalog.shipped().forRunLine(lines[i])) {
            does.computeIfAbsent(s.does(), k -> new TreeSet<>()).add(s.what());
            evidence.add(ev.of(run.file(), run.lineOfContentLine(i)));
          }
        }
      }
    }
    if (count > 0) attrs.put("steps", String.valueOf(count));
    if (!actions.isEmpty()) attrs.put("actions", String.join(", ", actions));
    does.forEach((k, v) -> attrs.put(k, String.join(", ", v)));
  }

  private static void collectSecrets(YamlNode node, TreeSet<String> into) {
    node.eachScalar(s -> {
      if (!s.text().contains("${{")) return;
      Matcher m = SECRET.matcher(s.text());
      while (m.find()) into.add(m.group(1) != null ? m.group(1) : m.group(2));
    });
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
