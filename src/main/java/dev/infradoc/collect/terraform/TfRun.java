package dev.infradoc.collect.terraform;

import dev.infradoc.model.Evidence;
import dev.infradoc.model.Problem;
import dev.infradoc.redact.Redactor;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** What the reading of one Terraform root shares: where ids and evidence point, and what it found. */
final class TfRun {
  final String sourceId;
  /** "tf:" or "tf:&lt;root dir&gt;/" when the target holds several roots. */
  final String idPrefix;
  final ResourceTypes types;
  final Redactor redactor;
  final ModuleLoader loader;
  final TreeSet<Problem> problems;
  final List<ResourceRecord> records = new ArrayList<>();

  TfRun(String sourceId, String idPrefix, ResourceTypes types, Redactor redactor, ModuleLoader loader,
      TreeSet<Problem> problems) {
    this.sourceId = sourceId;
    this.idPrefix = idPrefix;
    this.types = types;
    this.redactor = redactor;
    this.loader = loader;
    this.problems = problems;
  }

  Evidence evidence(String locator, String excerpt) {
    String e = redactor.text(excerpt);
    if (e.length() > 200) e = e.substring(0, 197) + "...";
    return Evidence.of(sourceId, locator, e);
  }

  void problem(String what, String reason, String hint) {
    problems.add(new Problem(sourceId, what, reason, hint));
  }
}
