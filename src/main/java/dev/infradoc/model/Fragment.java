package dev.infradoc.model;

import java.util.ArrayList;
import java.util.List;

/** What one collector found in one target, before merging. Collectors fill it; the builder merges. */
public final class Fragment {
  public final List<Source> sources = new ArrayList<>();
  public final List<Host> hosts = new ArrayList<>();
  public final List<Component> components = new ArrayList<>();
  public final List<Dependency> dependencies = new ArrayList<>();
  public final List<Zone> zones = new ArrayList<>();
  public final List<Problem> problems = new ArrayList<>();
  public final List<Collection> collections = new ArrayList<>();
  /** What other collectors' fragments of the same target may complete (pipeline only; never merged into the model). */
  public final Joins joins = new Joins();

  public Fragment add(Component c) {
    components.add(c);
    return this;
  }

  public Fragment add(Dependency d) {
    dependencies.add(d);
    return this;
  }

  public Fragment add(Problem p) {
    problems.add(p);
    return this;
  }

  public boolean isEmpty() {
    return hosts.isEmpty() && components.isEmpty() && dependencies.isEmpty() && zones.isEmpty();
  }
}
