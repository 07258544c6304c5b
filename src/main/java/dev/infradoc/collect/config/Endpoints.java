package dev.infradoc.collect.config;

import dev.infradoc.collect.repo.ExternalEndpoint;
import dev.infradoc.collect.repo.HostReference;
import dev.infradoc.knowledge.Knowledge;
import dev.infradoc.model.Component;
import dev.infradoc.model.Evidence;
import dev.infradoc.model.Fragment;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Where an address written in a config file leads: a component of the same repository that
 * declares that port (a unit started with --bind :8000, a Dockerfile that EXPOSEs it) or an
 * external endpoint; else nothing (the address stays written on the component that names it).
 */
final class Endpoints {
  /** Ports the repository's own components declare, by port: ids in file order. */
  private final Map<Integer, Set<String>> ports = new TreeMap<>();
  private final Knowledge knowledge;
  private final Fragment out;
  private final Set<String> added = new TreeSet<>();

  Endpoints(Knowledge knowledge, Fragment out) {
    this.knowledge = knowledge;
    this.out = out;
  }

  void declare(int port, String componentId) {
    if (port > 0) ports.computeIfAbsent(port, k -> new TreeSet<>()).add(componentId);
  }

  /** A single-label name that is not loopback nor an address: what a container network resolves ("api", "redis"). */
  static boolean isServiceName(String host) {
    return host.matches("[a-z0-9]([a-z0-9_-]*[a-z0-9])?") && !host.equals("localhost") && !host.matches("\\d+");
  }

  /**
   * The component at host:port, or null: loopback and single-label names are this repository's
   * own services (found by the port they declare, when exactly one does); dotted names are outside.
   */
  String resolve(String from, String host, int port, Evidence at) {
    boolean local = host.isEmpty() || host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]")
        || host.equals("0.0.0.0") || !host.contains(".");
    if (local && ports.containsKey(port)) {
      Set<String> ids = new TreeSet<>(ports.get(port));
      ids.remove(from);
      if (ids.size() == 1) return ids.iterator().next();
    }
    if (!local) {
      var ext = ExternalEndpoint.of(new HostReference(host, port, ""), knowledge, at);
      if (ext.isPresent()) {
        if (added.add(ext.get().id())) out.add(ext.get());
        return ext.get().id();
      }
    }
    // Named in the config, not found among what was read: no component is made up for it; the
    // caller keeps it as written on the component that names it.
    return null;
  }
}
