package dev.infradoc.render.iac;

import dev.infradoc.model.Component;
import dev.infradoc.model.Dependency;

/** Whether a declared reference only wires resources together (knowledge/traffic.yaml `structural`), and its group. */
public final class Structure {
  private final References refs;

  public Structure(References refs) {
    this.refs = refs;
  }

  /** The structural group of a declared reference between declared resources, or null. */
  public String group(Dependency d) {
    if (!d.kind().equals(Dependency.DECLARED)) return null;
    Component from = refs.component(d.from());
    Component to = refs.component(d.to());
    if (from == null || to == null || !from.host().isEmpty() || from.attribute("terraform.type").isEmpty()) return null;
    for (Rules.Structural s : Rules.get().structural) {
      if (s.from().matches(from) && s.to().matches(to)) return s.group();
    }
    return null;
  }
}
