package dev.infradoc.render.iac;

import dev.infradoc.model.Component;
import dev.infradoc.model.Dependency;
import dev.infradoc.model.Model;
import java.util.IdentityHashMap;
import java.util.Map;

/** Whether a declared reference only wires resources together (knowledge/traffic.yaml `structural`), and its group. */
public final class Structure {
  private final References refs;
  // The group of each of the model's dependencies, found once (asked by architecture.md and diagrams.md alike).
  private final Map<Dependency, String> groups = new IdentityHashMap<>();

  public Structure(References refs) {
    this.refs = refs;
  }

  private Structure(Model model) {
    this(References.of(model));
    for (Dependency d : model.dependencies()) {
      groups.put(d, find(d)); // null (not structural) is kept too
    }
  }

  /** The structure of this model's dependencies, shared by the documents of one render (read only once built). */
  public static Structure of(Model model) {
    return dev.infradoc.render.Derived.of(model, Structure.class, Structure::new);
  }

  /** The structural group of a declared reference between declared resources, or null. */
  public String group(Dependency d) {
    return groups.containsKey(d) ? groups.get(d) : find(d);
  }

  private String find(Dependency d) {
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
