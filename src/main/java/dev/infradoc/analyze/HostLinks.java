package dev.infradoc.analyze;

import dev.infradoc.model.Component;
import dev.infradoc.model.Dependency;
import dev.infradoc.model.Host;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Declared instances (aws_instance) linked to scanned hosts: same address (private_ip or public_ip
 * equals one of the host's addresses), else the Name tag equals the hostname (or its short form).
 * An address or name claimed by two declared instances links neither, since a guess would be invented.
 */
public final class HostLinks {
  /** Resource types that declare one machine each. */
  static final List<String> INSTANCE_TYPES = List.of("aws_instance");

  /** A scanned host and the declared instance it is, with what matched ("private_ip 10.0.0.5"). */
  public record Link(Host host, Component declared, String basis) {}

  private final List<Component> declared;
  private final Map<String, Link> byHost = new TreeMap<>();
  private final Map<String, Link> byDeclared = new TreeMap<>();

  HostLinks(ModelIndex index) {
    declared = index.ofType(INSTANCE_TYPES.toArray(String[]::new));
    Map<String, List<Component>> byAddress = new HashMap<>();
    Map<String, List<Component>> byName = new HashMap<>();
    for (Component c : declared) {
      for (String a : List.of("private_ip", "public_ip")) {
        String ip = c.attribute(a).strip();
        if (!ip.isEmpty()) byAddress.computeIfAbsent(ip, k -> new ArrayList<>()).add(c);
      }
      String name = c.attribute("tags.Name").strip().toLowerCase(Locale.ROOT);
      if (!name.isEmpty()) byName.computeIfAbsent(name, k -> new ArrayList<>()).add(c);
    }
    for (Host h : index.model().hosts()) {
      Link link = null;
      for (String address : h.addresses()) {
        String ip = address(address);
        List<Component> hit = byAddress.getOrDefault(ip, List.of());
        if (hit.size() == 1) {
          String attr = hit.get(0).attribute("private_ip").strip().equals(ip) ? "private_ip" : "public_ip";
          link = new Link(h, hit.get(0), attr + " " + ip);
          break;
        }
      }
      if (link == null) {
        String full = h.hostname().toLowerCase(Locale.ROOT);
        String shortName = full.contains(".") ? full.substring(0, full.indexOf('.')) : full;
        for (String n : List.of(full, shortName)) {
          List<Component> hit = byName.getOrDefault(n, List.of());
          if (!n.isEmpty() && hit.size() == 1) {
            link = new Link(h, hit.get(0), "tags.Name " + hit.get(0).attribute("tags.Name").strip() + " = hostname " + h.hostname());
            break;
          }
        }
      }
      if (link != null && !byDeclared.containsKey(link.declared().id())) {
        byHost.put(h.id(), link);
        byDeclared.put(link.declared().id(), link);
      }
    }
  }

  /** "10.231.50.2" from the host collector's "10.231.50.2/24 (eth0)". */
  static String address(String written) {
    String a = written.strip();
    int cut = a.length();
    for (char ch : new char[] {'/', ' '}) if (a.indexOf(ch) >= 0) cut = Math.min(cut, a.indexOf(ch));
    return a.substring(0, cut);
  }

  public Link ofHost(String hostId) {
    return byHost.get(hostId);
  }

  public Link ofDeclared(String componentId) {
    return byDeclared.get(componentId);
  }

  /** Every link, sorted by host id. */
  public List<Link> links() {
    return List.copyOf(byHost.values());
  }

  /** Every declared instance, sorted by id. */
  public List<Component> declaredInstances() {
    return declared;
  }

  public List<Component> unmatchedDeclared() {
    return declared.stream().filter(c -> !byDeclared.containsKey(c.id())).toList();
  }

  public List<Host> unmatchedHosts(ModelIndex index) {
    return index.model().hosts().stream().filter(h -> !byHost.containsKey(h.id()))
        .sorted(java.util.Comparator.comparing(Host::id)).toList();
  }

  /** The security groups a declared instance references. */
  public static List<String> groupsOf(ModelIndex index, Component instance) {
    List<String> groups = new ArrayList<>();
    for (Dependency d : index.from(instance.id())) {
      Component to = index.component(d.to());
      if (to != null && d.kind().equals(Dependency.DECLARED) && to.attribute("terraform.type").equals("aws_security_group")
          && !groups.contains(to.id())) groups.add(to.id());
    }
    return groups;
  }
}
