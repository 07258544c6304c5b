package dev.infradoc.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.util.List;
import java.util.Map;

/**
 * A thing that does a job: a service on a host, a declared resource, or an external endpoint.
 * Absent text values are empty strings; collections are sorted and immutable.
 */
public record Component(
    String id,
    String name,
    ComponentKind kind,
    String technology,
    @JsonInclude(Include.NON_EMPTY) String version,
    @JsonInclude(Include.NON_EMPTY) String host,
    String source,
    int instances,
    @JsonInclude(Include.NON_EMPTY) String runsAs,
    @JsonInclude(Include.NON_EMPTY) String managedBy,
    List<Listen> listens,
    Map<String, String> attributes,
    List<Evidence> evidence) {

  public Component {
    technology = Strings.orEmpty(technology);
    version = Strings.orEmpty(version);
    host = Strings.orEmpty(host);
    source = Strings.orEmpty(source);
    runsAs = Strings.orEmpty(runsAs);
    managedBy = Strings.orEmpty(managedBy);
    listens = Sorted.list(listens);
    attributes = Sorted.map(attributes);
    evidence = Sorted.ordered(evidence);
  }

  public String attribute(String key) {
    return attributes.getOrDefault(key, "");
  }
}
