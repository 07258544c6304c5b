package dev.infradoc.model;

import java.util.List;

/** Something wrong or notable, derived by a rule from the model, with the evidence that proves it. */
public record Finding(
    String id,
    String rule,
    Severity severity,
    String title,
    String detail,
    List<String> components,
    List<Evidence> evidence,
    String recommendation) {

  public Finding {
    components = Sorted.strings(components);
    evidence = Sorted.list(evidence);
  }
}
