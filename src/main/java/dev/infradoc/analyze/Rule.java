package dev.infradoc.analyze;

import dev.infradoc.model.Finding;
import dev.infradoc.model.Model;
import java.util.List;

/** One check over the model. Rules read only the model (never raw input), so they serve hosts and code alike. */
public interface Rule {
  /** A stable dotted id, e.g. {@code security.datastore.listens-on-all-interfaces}. */
  String id();

  List<Finding> check(Model model);
}
