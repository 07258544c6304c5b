package dev.infradoc.analyze;

import dev.infradoc.analyze.rules.DatastoreExposedRule;
import dev.infradoc.analyze.rules.NoBackupObservedRule;
import dev.infradoc.analyze.rules.RootApplicationRule;
import dev.infradoc.analyze.rules.SharedHostDatastoreRule;
import dev.infradoc.analyze.rules.SshdLoginRule;
import dev.infradoc.model.Finding;
import dev.infradoc.model.Model;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Runs every rule over the model and returns it with its findings, sorted by severity then id. */
public final class Analyzer {
  private final List<Rule> rules = List.of(
      new DatastoreExposedRule(),
      new RootApplicationRule(),
      new SshdLoginRule(),
      new SharedHostDatastoreRule(),
      new NoBackupObservedRule());

  public Model analyze(Model model) {
    List<Finding> findings = new ArrayList<>();
    for (Rule rule : rules) findings.addAll(rule.check(model));
    findings.sort(Comparator.comparing(Finding::severity).thenComparing(Finding::id));
    return model.withFindings(findings);
  }

  public List<Rule> rules() {
    return rules;
  }
}
