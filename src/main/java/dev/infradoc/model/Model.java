package dev.infradoc.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The merged description of an infrastructure: the public contract behind model.json (schemaVersion 1). */
public record Model(
    int schemaVersion,
    GeneratedBy generatedBy,
    String generatedAt,
    List<Source> sources,
    List<Host> hosts,
    List<Component> components,
    List<Dependency> dependencies,
    List<Zone> zones,
    List<Finding> findings,
    List<Problem> problems,
    List<Collection> collections) {

  public static final int SCHEMA_VERSION = 1;

  /** Which tool wrote the model. */
  public record GeneratedBy(String tool, String version) {}

  public Optional<Component> component(String id) {
    return components.stream().filter(c -> c.id().equals(id)).findFirst();
  }

  public Map<String, Component> componentsById() {
    return components.stream().collect(Collectors.toMap(Component::id, Function.identity()));
  }

  public Model withFindings(List<Finding> newFindings) {
    return new Model(schemaVersion, generatedBy, generatedAt, sources, hosts, components,
        dependencies, zones, List.copyOf(newFindings), problems, collections);
  }
}
