package dev.infradoc.analyze.rules;

import dev.infradoc.model.Component;
import dev.infradoc.model.Evidence;
import java.util.List;
import java.util.function.Predicate;

/** Small shared steps of rules: picking the evidence lines that prove a point. */
final class Findings {
  private Findings() {}

  static List<Evidence> evidence(Component c, Predicate<Evidence> which) {
    List<Evidence> picked = c.evidence().stream().filter(which).toList();
    return picked.isEmpty() ? c.evidence() : picked;
  }

  static String host(Component c) {
    return c.host().replaceFirst("^host:", "");
  }

  static String id(String rule, Component c) {
    return rule + ":" + c.id();
  }
}
