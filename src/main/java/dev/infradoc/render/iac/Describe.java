package dev.infradoc.render.iac;

import dev.infradoc.model.Component;
import dev.infradoc.model.Dependency;
import dev.infradoc.model.Model;
import java.util.ArrayList;
import java.util.List;

/** Fills a documents.yaml section's columns for a component, with the resources that configure it as facets. */
public final class Describe {
  private final Model model;
  private final References refs;

  public Describe(Model model, References refs) {
    this.model = model;
    this.refs = refs;
  }

  public Template.Filled column(String section, String column, Component c) {
    return Rules.get().columns(section, c).map(rule -> Template.fill(rule.column(column), facts(rule, c)))
        .orElse(new Template.Filled("", List.of()));
  }

  public boolean has(String section, Component c) {
    return Rules.get().columns(section, c).isPresent();
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
