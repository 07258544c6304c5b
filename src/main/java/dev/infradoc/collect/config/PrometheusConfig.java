package dev.infradoc.collect.config;

import dev.infradoc.collect.repo.YamlFile;
import dev.infradoc.collect.repo.YamlNode;
import dev.infradoc.collect.repo.YamlReader;
import dev.infradoc.model.Component;
import dev.infradoc.model.ComponentKind;
import dev.infradoc.model.Evidence;
import dev.infradoc.model.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * A Prometheus configuration (prometheus.yml): a monitoring component whose scrape_configs'
 * static targets become configured edges (what it monitors), with the alert names of its rule files.
 */
final class PrometheusConfig {
  private PrometheusConfig() {}

  /** The component, or null when the file does not parse (the problem is reported with its position). */
  static Component read(Path root, String rel, String sourceId, ConfigText text, List<String> ruleFiles, List<Pending> edges,
      Consumer<Problem> problems) {
    YamlFile file = YamlReader.parse(rel, String.join("\n", text.lines));
    if (file.error().isPresent()) {
      YamlFile.Error e = file.error().get();
      problems.accept(new Problem(sourceId, rel + ":" + e.line() + ":" + e.column(), e.message(), "fix the YAML; the other files were read"));
      return null;
    }
    if (file.documents().isEmpty() || !file.documents().get(0).isMap()) return null;
    YamlNode doc = file.documents().get(0);
    String id = "config:" + rel;
    Map<String, String> attributes = new TreeMap<>();
    TreeSet<Evidence> evidence = new TreeSet<>();
    evidence.add(text.at(1));
    YamlNode global = doc.get("global");
    if (global.has("scrape_interval")) {
      attributes.put("scrape_interval", global.get("scrape_interval").text());
      evidence.add(text.at(global.get("scrape_interval").line()));
    }
    List<String> jobs = new ArrayList<>();
    for (YamlNode job : doc.get("scrape_configs").items()) {
      String name = job.get("job_name").text();
      if (name.isEmpty()) continue;
      jobs.add(name);
      evidence.add(text.at(job.get("job_name").line()));
      String scheme = job.get("scheme").text().isEmpty() ? "http" : job.get("scheme").text();
      List<String> targets = new ArrayList<>();
      for (YamlNode sc : job.get("static_configs").items()) {
        for (YamlNode t : sc.get("targets").items()) {
          if (!t.isScalar() || t.text().isEmpty()) continue;
          targets.add(t.text());
          edges.add(Pending.of(id, t.text(), scheme, 0, List.of(text.at(job.get("job_name").line()), text.at(t.line()))));
        }
      }
      attributes.put("scrape." + name, targets.isEmpty() ? "no static targets (service discovery)" : String.join(", ", targets));
    }
    if (!jobs.isEmpty()) attributes.put("scrape_jobs", String.join(", ", jobs));
    List<String> written = new ArrayList<>();
    for (YamlNode r : doc.get("rule_files").items()) {
      if (!r.text().isEmpty()) {
        written.add(r.text());
        evidence.add(text.at(r.line()));
      }
    }
    if (!written.isEmpty()) attributes.put("rule_files", String.join(", ", written));
    String dir = rel.contains("/") ? rel.substring(0, rel.lastIndexOf('/') + 1) : "";
    for (String w : written) {
      // rule_files are relative to the config file; simple globs (alerts/*.yml) are matched by name.
      String pattern = java.util.regex.Pattern.quote(Path.of(dir + w).normalize().toString().replace('\\', '/'))
          .replace("*", "\\E[^/]*\\Q");
      for (String candidate : ruleFiles) {
        if (candidate.matches(pattern)) readRules(root, candidate, sourceId, text.redactor(), attributes, evidence, problems);
      }
    }
    return new Component(id, "prometheus " + rel, ComponentKind.MONITORING, "Prometheus", "", "", sourceId, 1, "", "",
        List.of(), attributes, Evidence.sorted(evidence));
  }

  private static void readRules(Path root, String rel, String sourceId, dev.infradoc.redact.Redactor redactor,
      Map<String, String> attributes, TreeSet<Evidence> evidence, Consumer<Problem> problems) {
    YamlFile file = YamlReader.read(root, rel);
    if (file.error().isPresent()) {
      YamlFile.Error e = file.error().get();
      problems.accept(new Problem(sourceId, rel + ":" + e.line() + ":" + e.column(), e.message(), "fix the YAML; the other files were read"));
      return;
    }
    ConfigText text = new ConfigText(rel, file.lines(), sourceId, redactor);
    List<String> alerts = new ArrayList<>();
    for (YamlNode doc : file.documents()) {
      for (YamlNode group : doc.get("groups").items()) {
        for (YamlNode rule : group.get("rules").items()) {
          YamlNode alert = rule.get("alert");
          if (alert.text().isEmpty()) continue;
          String severity = rule.path("labels", "severity").text();
          alerts.add(alert.text() + (severity.isEmpty() ? "" : " (" + severity + ")"));
          evidence.add(text.at(alert.line()));
        }
      }
    }
    if (!alerts.isEmpty()) attributes.merge("alerts", String.join(", ", alerts), (a, b) -> a + ", " + b);
  }
}
