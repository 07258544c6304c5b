package dev.infradoc.render.iac;

import dev.infradoc.model.Component;
import dev.infradoc.model.Evidence;
import java.util.ArrayList;
import java.util.List;

/**
 * A resource's values as the documents read them: its own attributes, then those of the resources
 * that configure it (facets), each with the line that states it.
 */
public final class Facts {
  private final Component component;
  private final List<Component> facets;

  public Facts(Component component, List<Component> facets) {
    this.component = component;
    this.facets = facets;
  }

  public static Facts of(Component c) {
    return new Facts(c, List.of());
  }

  public Component component() {
    return component;
  }

  public String value(String key) {
    switch (key) {
      case "@technology": return component.technology();
      case "@version": return component.version();
      case "@name": return component.name();
      case "@instances": return component.instances() > 1 ? component.instances() + " instances" : "";
      default:
    }
    String own = component.attribute(key);
    if (!own.isEmpty()) return own;
    for (Component f : facets) {
      if (!f.attribute(key).isEmpty()) return f.attribute(key);
    }
    return "";
  }

  public List<Evidence> evidence(String key) {
    if (key.startsWith("@")) return component.evidence().isEmpty() ? List.of() : List.of(header(component));
    if (!component.attribute(key).isEmpty()) return line(component, key);
    for (Component f : facets) {
      if (!f.attribute(key).isEmpty()) return line(f, key);
    }
    return List.of();
  }

  /** The line that sets {@code key}: an excerpt starting with its last name, in the resource's own file first. */
  public static List<Evidence> line(Component c, String key) {
    String name = key.substring(key.lastIndexOf('.') + 1);
    String file = file(header(c));
    List<Evidence> found = new ArrayList<>();
    for (Evidence e : c.evidence()) {
      String ex = e.excerpt().strip();
      if (ex.startsWith(name) && ex.substring(name.length()).matches("(?s)\\s*[={:].*")) found.add(e);
    }
    return found.stream().filter(e -> file(e).equals(file)).findFirst().or(() -> found.stream().findFirst())
        .map(List::of).orElseGet(() -> c.evidence().isEmpty() ? List.of() : List.of(header(c)));
  }

  /** Where the resource itself is declared (the `resource "..." "..." {` line), else its first evidence. */
  public static Evidence header(Component c) {
    return c.evidence().stream().filter(e -> e.excerpt().startsWith("resource ") || e.excerpt().startsWith("module "))
        .findFirst().orElse(c.evidence().isEmpty() ? new Evidence("", "", "") : c.evidence().get(0));
  }

  private static String file(Evidence e) {
    int colon = e.locator().lastIndexOf(':');
    return colon < 0 ? e.locator() : e.locator().substring(0, colon);
  }
}
