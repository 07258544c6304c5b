package dev.infradoc.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/** A machine that was scanned, with what it said about itself. */
public record Host(
    String id,
    String hostname,
    String os,
    String kernel,
    List<String> addresses,
    String cpu,
    String memory,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> cloud,
    List<Evidence> evidence) {

  public Host {
    hostname = Strings.orEmpty(hostname);
    os = Strings.orEmpty(os);
    kernel = Strings.orEmpty(kernel);
    cpu = Strings.orEmpty(cpu);
    memory = Strings.orEmpty(memory);
    addresses = List.copyOf(addresses);
    cloud = Sorted.map(cloud);
    evidence = Sorted.list(evidence);
  }
}
