package dev.infradoc.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.util.List;
import java.util.Map;

/** A network area: a VPC, subnet, CIDR, availability zone or tier. {@code parent} is a zone id or empty. */
public record Zone(
    String id,
    String name,
    String kind,
    @JsonInclude(Include.NON_EMPTY) String cidr,
    @JsonInclude(Include.NON_EMPTY) String parent,
    Map<String, String> attributes,
    List<Evidence> evidence) {

  public Zone {
    cidr = Strings.orEmpty(cidr);
    parent = Strings.orEmpty(parent);
    attributes = Sorted.map(attributes);
    evidence = Sorted.ordered(evidence);
  }
}
