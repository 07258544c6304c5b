package dev.infradoc.analyze;

import dev.infradoc.model.Finding;
import dev.infradoc.model.Severity;
import java.util.List;

/** One check over the model. Rules read only the model (never raw input), so they serve hosts and code alike. */
public interface Rule {
  /** A stable dotted id, e.g. {@code security.network.datastore-open-to-world}. */
  String id();

  /** The severity its findings get unless .infradoc.yml changes it. */
  Severity severity();

  /** One line saying what the rule looks for (SARIF rule metadata, security.md). */
  String summary();

  List<Finding> check(ModelIndex model);
}
