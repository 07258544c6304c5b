package dev.infradoc.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.util.List;

/**
 * Something wrong or notable, derived by a rule from the model, with the evidence that proves it.
 * {@code accepted} is the reason a reader gave for accepting it (from .infradoc.yml); empty when not accepted.
 */
public record Finding(
    String id,
    String rule,
    Severity severity,
    String title,
    String detail,
    List<String> components,
    List<Evidence> evidence,
    String recommendation,
    @JsonInclude(Include.NON_EMPTY) String accepted) {

  public Finding {
    components = Sorted.strings(components);
    evidence = Sorted.list(evidence);
    accepted = Strings.orEmpty(accepted);
  }

  public Finding(String id, String rule, Severity severity, String title, String detail,
      List<String> components, List<Evidence> evidence, String recommendation) {
    this(id, rule, severity, title, detail, components, evidence, recommendation, "");
  }

  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean isAccepted() {
    return !accepted.isEmpty();
  }

  public Finding withSeverity(Severity s) {
    return new Finding(id, rule, s, title, detail, components, evidence, recommendation, accepted);
  }

  public Finding withAccepted(String reason) {
    return new Finding(id, rule, severity, title, detail, components, evidence, recommendation, reason);
  }
}
