package dev.infradoc.pipeline;

import dev.infradoc.model.Component;
import dev.infradoc.model.ComponentKind;
import dev.infradoc.model.Dependency;
import dev.infradoc.model.Evidence;
import dev.infradoc.model.Host;
import dev.infradoc.model.Listen;
import dev.infradoc.model.Model;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Joins hosts scanned separately into one map. Each host only knows its peers as
 * {@code external:ADDR:PORT}; when ADDR is an address (or the hostname) of another scanned host
 * and a component there listens on PORT on that address or on all addresses, the edge is redirected
 * to that component and the external endpoint, now fully resolved, is dropped. Unmatched endpoints
 * stay external as they were.
 *
 * <p>It also marks the same service running on several hosts: components whose id on their host
 * ({@code shop-gunicorn} in {@code host:web01/shop-gunicorn}), kind, technology and listen ports
 * agree get the attribute {@code service} with that shared name, so documents can draw one service
 * with several instances while every per-host component stays in the model with its own evidence.
 */
public final class FleetStitcher {
  /** Attribute naming the service a component is one instance of (only set with two or more instances). */
  public static final String SERVICE = "service";

  /** Platform daemons (sshd, cron) run everywhere; they are per-host plumbing, not a fleet service. */
  private static final Set<String> SERVICE_ROLES = Set.of("edge", "application", "data");

  private FleetStitcher() {}

  public static Model stitch(Model model) {
    Map<String, Host> hostByAddress = addressIndex(model.hosts());
    Map<String, List<Component>> byHost = model.components().stream()
        .filter(c -> !c.host().isEmpty()).collect(Collectors.groupingBy(Component::host));
    Map<String, String> resolved = new TreeMap<>();
    for (Component c : model.components()) {
      if (c.kind() != ComponentKind.EXTERNAL) continue;
      String address = c.attribute("address");
      String port = c.attribute("port");
      if (address.isEmpty() || !port.matches("\\d+")) continue;
      Host host = hostByAddress.get(bare(address));
      if (host == null) continue;
      listener(byHost.getOrDefault(host.id(), List.of()), bare(address), Integer.parseInt(port), host)
          .ifPresent(target -> resolved.put(c.id(), target.id()));
    }
    List<Component> components = new ArrayList<>();
    for (Component c : model.components()) {
      if (!resolved.containsKey(c.id())) components.add(c);
    }
    components = markServices(components);
    return new Model(model.schemaVersion(), model.generatedBy(), model.generatedAt(), model.sources(),
        model.hosts(), components, redirect(model.dependencies(), resolved), model.zones(), model.findings(),
        model.problems(), model.collections());
  }

  /** Every non-loopback address and the hostname of each host; an address two hosts share is ambiguous and left out. */
  static Map<String, Host> addressIndex(List<Host> hosts) {
    Map<String, Host> index = new HashMap<>();
    Set<String> ambiguous = new TreeSet<>();
    for (Host h : hosts) {
      List<String> keys = new ArrayList<>();
      h.addresses().forEach(a -> keys.add(bare(a)));
      if (!h.hostname().isEmpty()) keys.add(h.hostname());
      for (String k : keys) {
        if (k.isEmpty() || isLoopback(k)) continue;
        Host prior = index.putIfAbsent(k, h);
        if (prior != null && !prior.id().equals(h.id())) ambiguous.add(k);
      }
    }
    ambiguous.forEach(index::remove);
    return index;
  }

  /** "10.0.0.5/24 (eth0)" and "[fe80::1]" become the plain address. */
  static String bare(String address) {
    String a = address.strip();
    int space = a.indexOf(' ');
    if (space >= 0) a = a.substring(0, space);
    int slash = a.indexOf('/');
    if (slash >= 0) a = a.substring(0, slash);
    int pct = a.indexOf('%');
    if (pct >= 0) a = a.substring(0, pct);
    return a.replaceAll("^\\[|\\]$", "");
  }

  private static boolean isLoopback(String a) {
    return a.startsWith("127.") || a.equals("::1") || a.equals("localhost");
  }

  private static Optional<Component> listener(List<Component> onHost, String address, int port, Host host) {
    boolean byName = address.equals(host.hostname());
    return onHost.stream()
        .filter(c -> c.kind() != ComponentKind.EXTERNAL)
        .filter(c -> c.listens().stream().anyMatch(l -> l.port() == port && reachable(l, address, byName)))
        .findFirst();
  }

  private static boolean reachable(Listen l, String address, boolean byName) {
    String a = bare(l.address());
    if (a.equals("0.0.0.0") || a.equals("::") || a.equals("*") || a.isEmpty()) return true;
    if (isLoopback(a)) return false;
    return byName || a.equals(address);
  }

  private static List<Dependency> redirect(List<Dependency> deps, Map<String, String> resolved) {
    Map<String, Dependency> merged = new TreeMap<>();
    for (Dependency d : deps) {
      String to = resolved.getOrDefault(d.to(), d.to());
      String from = resolved.getOrDefault(d.from(), d.from());
      Dependency r = new Dependency(from, to, d.protocol(), d.port(), d.kind(), d.evidence());
      merged.merge(r.key(), r, (a, b) -> {
        TreeSet<Evidence> ev = new TreeSet<>(a.evidence());
        ev.addAll(b.evidence());
        return new Dependency(a.from(), a.to(), a.protocol().isEmpty() ? b.protocol() : a.protocol(), a.port(),
            a.kind(), List.copyOf(ev));
      });
    }
    return List.copyOf(new TreeSet<>(merged.values()));
  }

  private static List<Component> markServices(List<Component> components) {
    Map<String, List<Component>> groups = new TreeMap<>();
    for (Component c : components) {
      if (c.host().isEmpty() || !c.id().startsWith(c.host() + "/") || !SERVICE_ROLES.contains(c.kind().role())) continue;
      groups.computeIfAbsent(serviceKey(c), k -> new ArrayList<>()).add(c);
    }
    Map<String, Long> namesUsed = groups.entrySet().stream()
        .filter(e -> hostsOf(e.getValue()) > 1)
        .collect(Collectors.groupingBy(e -> localId(e.getValue().get(0)), Collectors.counting()));
    Map<String, String> service = new HashMap<>();
    for (Map.Entry<String, List<Component>> g : groups.entrySet()) {
      if (hostsOf(g.getValue()) < 2) continue;
      Component first = g.getValue().get(0);
      String name = localId(first);
      // Same name, different ports: two services; the ports tell them apart.
      if (namesUsed.get(name) > 1) name += "@" + ports(first);
      for (Component c : g.getValue()) service.put(c.id(), name);
    }
    if (service.isEmpty()) return components;
    List<Component> out = new ArrayList<>();
    for (Component c : components) {
      String s = service.get(c.id());
      if (s == null) {
        out.add(c);
        continue;
      }
      Map<String, String> attributes = new TreeMap<>(c.attributes());
      attributes.put(SERVICE, s);
      out.add(new Component(c.id(), c.name(), c.kind(), c.technology(), c.version(), c.host(), c.source(),
          c.instances(), c.runsAs(), c.managedBy(), c.listens(), attributes, c.evidence()));
    }
    return out;
  }

  private static long hostsOf(List<Component> cs) {
    return cs.stream().map(Component::host).distinct().count();
  }

  static String localId(Component c) {
    return c.id().substring(c.host().length() + 1);
  }

  private static String ports(Component c) {
    return c.listens().stream().map(l -> String.valueOf(l.port())).distinct().sorted().collect(Collectors.joining(","));
  }

  private static String serviceKey(Component c) {
    return localId(c) + "|" + c.kind().id() + "|" + c.technology() + "|" + ports(c);
  }
}
