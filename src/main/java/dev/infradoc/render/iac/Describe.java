package dev.infradoc.render.iac;

import dev.infradoc.model.Component;
import dev.infradoc.model.Dependency;
import dev.infradoc.model.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Fills a documents.yaml section's columns for a component, with the resources that configure it as facets. */
public final class Describe {
  private final Model model;
  private final References refs;

  // Which rule of a section fits a component is asked per column and per document: found once.
  private final Map<String, Optional<Rules.Columns>> rules = new ConcurrentHashMap<>();

  public Describe(Model model, References refs) {
    this.model = model;
    this.refs = refs;
  }

  /** The descriptions of this model, shared by the documents of one render. */
  public static Describe of(Model model) {
    return dev.infradoc.render.Derived.of(model, Describe.class, m -> new Describe(m, References.of(m)));
  }

  public Template.Filled column(String section, String column, Component c) {
    return rule(section, c).map(rule -> Template.fill(rule.column(column), facts(rule, c)))
        .orElse(new Template.Filled("", List.of()));
  }

  public boolean has(String section, Component c) {
    return rule(section, c).isPresent();
  }

  private Optional<Rules.Columns> rule(String section, Component c) {
    String key = section + "\u0000" + c.id();
    Optional<Rules.Columns> found = rules.get(key);
    if (found == null) {
      found = Rules.get().columns(section, c);
      rules.put(key, found);
    }
    return found;
  }

  private Facts facts(Rules.Columns rule, Component c) {
    if (rule.facets() == null) return Facts.of(c);
    List<Component> facets = new ArrayList<>();
    for (Dependency d : refs.incoming(c.id())) {
      Component f = refs.component(d.from());
      if (f != null && rule.facets().matcher(f.attribute("terraform.type")).matches()) facets.add(f);
    }
    return new Facts(c, facets);
  }
}
