package dev.infradoc.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/** A machine that was scanned, with what it said about itself, and the inventory groups it is in. */
public record Host(
    String id,
    String hostname,
    String os,
    String kernel,
    List<String> addresses,
    String cpu,
    String memory,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> cloud,
    List<Evidence> evidence,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> groups) {

  /** A host as a collector sees it: groups come later, from the inventory that named the target. */
  public Host(String id, String hostname, String os, String kernel, List<String> addresses, String cpu,
      String memory, Map<String, String> cloud, List<Evidence> evidence) {
    this(id, hostname, os, kernel, addresses, cpu, memory, cloud, evidence, List.of());
  }

  public Host {
    hostname = Strings.orEmpty(hostname);
    os = Strings.orEmpty(os);
    kernel = Strings.orEmpty(kernel);
    cpu = Strings.orEmpty(cpu);
    memory = Strings.orEmpty(memory);
    addresses = List.copyOf(addresses);
    cloud = Sorted.map(cloud);
    evidence = Sorted.list(evidence);
    groups = Sorted.list(groups);
  }

  /** The same host in these inventory groups (tiers, environments) as well. */
  public Host withGroups(List<String> more) {
    java.util.TreeSet<String> all = new java.util.TreeSet<>(groups);
    all.addAll(more);
    return new Host(id, hostname, os, kernel, addresses, cpu, memory, cloud, evidence, List.copyOf(all));
  }
}
