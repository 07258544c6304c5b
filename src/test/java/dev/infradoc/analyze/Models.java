package dev.infradoc.analyze;

import dev.infradoc.model.Component;
import dev.infradoc.model.ComponentKind;
import dev.infradoc.model.Dependency;
import dev.infradoc.model.Evidence;
import dev.infradoc.model.Host;
import dev.infradoc.model.Listen;
import dev.infradoc.model.Model;
import dev.infradoc.model.Source;
import dev.infradoc.model.Zone;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Small models built directly for rule tests: declared resources, host components, edges, zones. */
final class Models {
  static final String TF = "terraform:repo";
  static final String SSH = "ssh://root@web01";
  static final String COMPOSE = "compose:repo";
  static final String K8S = "kubernetes:repo";

  final List<Host> hosts = new ArrayList<>();
  final List<Component> components = new ArrayList<>();
  final List<Dependency> deps = new ArrayList<>();
  final List<Zone> zones = new ArrayList<>();

  /** A Terraform resource: attributes as key, value pairs; evidence is one line per attribute in main.tf. */
  Models tf(String address, ComponentKind kind, String... kv) {
    return tfv(address, kind, "", "", kv);
  }

  /** A Terraform resource with the technology and version the collector derives from its type. */
  Models tfv(String address, ComponentKind kind, String technology, String version, String... kv) {
    Map<String, String> a = new TreeMap<>();
    List<Evidence> ev = new ArrayList<>();
    String type = address.replaceFirst("^(module\\.[^.]+\\.)*", "").split("\\.")[0];
    a.put("terraform.type", type);
    a.put("terraform.address", address);
    ev.add(Evidence.of(TF, "main.tf:" + (components.size() * 20 + 1), "resource \"" + type + "\" \"x\" {"));
    for (int i = 0; i < kv.length; i += 2) {
      a.put(kv[i], kv[i + 1]);
      ev.add(Evidence.of(TF, "main.tf:" + (components.size() * 20 + 2 + i / 2), kv[i].substring(kv[i].lastIndexOf('.') + 1) + " = " + kv[i + 1]));
    }
    components.add(new Component("tf:" + address, address, kind, technology.isEmpty() ? type : technology, version, "", TF, 1, "", "terraform", List.of(), a, ev));
    return this;
  }

  Models host(String name, String os, String cpu) {
    hosts.add(new Host("host:" + name, name, os, "Linux", List.of("10.0.0.5/24"), cpu, "4 GiB", Map.of(),
        List.of(Evidence.of(SSH, "cat /etc/os-release#1", "PRETTY_NAME=" + os))));
    return this;
  }

  /** A running component on a host; listens as "address:port"; attributes as key, value pairs. */
  Models run(String host, String name, ComponentKind kind, String technology, String version, String runsAs,
      List<String> listens, String... kv) {
    Map<String, String> a = new TreeMap<>();
    for (int i = 0; i < kv.length; i += 2) a.put(kv[i], kv[i + 1]);
    List<Listen> l = listens.stream().map(s -> new Listen(s.substring(0, s.lastIndexOf(':')), Integer.parseInt(s.substring(s.lastIndexOf(':') + 1)), "tcp")).toList();
    List<Evidence> ev = new ArrayList<>(List.of(Evidence.of(SSH, "ps -eo pid,ppid,user,etimes,args#" + (components.size() + 2), runsAs + " " + name)));
    listens.forEach(s -> ev.add(Evidence.of(SSH, "ss -tuanp#" + (components.size() + 2), "LISTEN 0 128 " + s)));
    components.add(new Component("host:" + host + "/" + name, name, kind, technology, version, "host:" + host, SSH, 1, runsAs, "", l, a, ev));
    return this;
  }

  /** A Compose service of project "shop"; listens as "address:port" (published ports); attributes as key, value pairs. */
  Models compose(String service, ComponentKind kind, List<String> listens, String... kv) {
    Map<String, String> a = new TreeMap<>(Map.of("project", "shop"));
    for (int i = 0; i < kv.length; i += 2) a.put(kv[i], kv[i + 1]);
    List<Listen> l = listens.stream().map(s -> new Listen(s.substring(0, s.lastIndexOf(':')), Integer.parseInt(s.substring(s.lastIndexOf(':') + 1)), "tcp")).toList();
    List<Evidence> ev = new ArrayList<>(List.of(Evidence.of(COMPOSE, "compose.yaml:" + (components.size() * 10 + 1), "  " + service + ":")));
    listens.forEach(s -> ev.add(Evidence.of(COMPOSE, "compose.yaml:" + (components.size() * 10 + 2), "ports: - \"" + s + ":" + s.substring(s.lastIndexOf(':') + 1) + "\"")));
    components.add(new Component("compose:shop/" + service, service, kind, "", "", "", COMPOSE, 1, "", "", l, a, ev));
    return this;
  }

  /** A Kubernetes object "namespace/kind/name" with attributes as key, value pairs; listens as "address:port". */
  Models k8s(String id, ComponentKind kind, List<String> listens, String... kv) {
    Map<String, String> a = new TreeMap<>();
    for (int i = 0; i < kv.length; i += 2) a.put(kv[i], kv[i + 1]);
    List<Listen> l = listens.stream().map(s -> new Listen(s.substring(0, s.lastIndexOf(':')), Integer.parseInt(s.substring(s.lastIndexOf(':') + 1)), "tcp")).toList();
    List<Evidence> ev = List.of(Evidence.of(K8S, "deploy/" + id.replace('/', '-') + ".yaml:1", "kind: " + id.split("/")[1]));
    components.add(new Component("k8s:" + id, id.substring(id.lastIndexOf('/') + 1), kind, "", "", "", K8S, 1, "", "", l, a, ev));
    return this;
  }

  Models edge(String from, String to, int port, String kind) {
    deps.add(new Dependency(from, to, "tcp", port, kind, List.of(Evidence.of(SSH, "ss -tuanp#99", from + " -> " + to))));
    return this;
  }

  Models zone(String id, String kind, Map<String, String> attributes) {
    zones.add(new Zone(id, id, kind, "", "", attributes, List.of()));
    return this;
  }

  Model build() {
    List<Source> sources = new ArrayList<>();
    if (!hosts.isEmpty()) sources.add(new Source(SSH, "host", "web01"));
    if (components.stream().anyMatch(c -> c.host().isEmpty())) sources.add(new Source(TF, "terraform", "repo"));
    return new Model(1, new Model.GeneratedBy("infradoc", "test"), "2026-06-01T00:00:00Z", sources, hosts,
        components.stream().sorted(java.util.Comparator.comparing(Component::id)).toList(),
        deps.stream().sorted().toList(), zones, List.of(), List.of(), List.of());
  }
}
