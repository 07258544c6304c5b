package dev.infradoc.collect.kubernetes;

import dev.infradoc.collect.repo.ExternalEndpoint;
import dev.infradoc.collect.repo.HostReference;
import dev.infradoc.collect.repo.YamlNode;
import dev.infradoc.model.Dependency;
import dev.infradoc.model.Evidence;
import java.util.List;
import java.util.Optional;

/**
 * A workload's environment: values are kept (redacted) as attributes, Secrets and ConfigMaps it
 * reads are named, and connection strings that name a Service (by {@code name}, {@code name.ns},
 * {@code name.ns.svc} or {@code name.ns.svc.cluster.local}) become configured edges. ConfigMap
 * values a workload imports are read for connection strings too; Secret data never is.
 */
final class PodEnvironment {
  private PodEnvironment() {}

  static void read(Cluster c, Manifest m) {
    Draft d = c.drafts.get(m.id());
    YamlNode pod = Cluster.podSpec(m);
    for (String list : List.of("containers", "initContainers")) {
      for (YamlNode container : pod.get(list).items()) {
        String prefix = (list.equals("containers") ? "container." : "initContainer.") + container.get("name").text() + ".env.";
        for (YamlNode env : container.get("env").items()) variable(c, m, d, prefix, env);
        for (YamlNode from : container.get("envFrom").items()) envFrom(c, m, d, prefix, from);
      }
    }
  }

  private static void variable(Cluster c, Manifest m, Draft d, String prefix, YamlNode env) {
    String name = env.get("name").text();
    YamlNode value = env.get("value");
    YamlNode from = env.get("valueFrom");
    if (value.isScalar()) {
      d.attributes.put(prefix + name, c.ev.redactor().envValue(name, value.text()));
      connections(c, m, name, value.text(), value);
    } else if (from.get("secretKeyRef").isMap()) {
      String secret = from.path("secretKeyRef", "name").text();
      d.attributes.put(prefix + name, "secret " + secret + "/" + from.path("secretKeyRef", "key").text());
      secretEdge(c, m, secret, from.get("secretKeyRef"));
    } else if (from.get("configMapKeyRef").isMap()) {
      String map = from.path("configMapKeyRef", "name").text();
      String key = from.path("configMapKeyRef", "key").text();
      d.attributes.put(prefix + name, "configMap " + map + "/" + key);
      configMap(c, m, map).ifPresent(cm -> {
        YamlNode v = cm.doc().path("data", key);
        if (v.isScalar()) connections(c, m, name, v.text(), v);
      });
    } else if (from.get("fieldRef").isMap()) {
      d.attributes.put(prefix + name, "field " + from.path("fieldRef", "fieldPath").text());
    } else if (from.get("resourceFieldRef").isMap()) {
      d.attributes.put(prefix + name, "resource " + from.path("resourceFieldRef", "resource").text());
    }
  }

  private static void envFrom(Cluster c, Manifest m, Draft d, String prefix, YamlNode from) {
    if (from.get("secretRef").isMap()) {
      String secret = from.path("secretRef", "name").text();
      d.attributes.put(prefix + "(from secret " + secret + ")", "all keys");
      secretEdge(c, m, secret, from.get("secretRef"));
    }
    if (from.get("configMapRef").isMap()) {
      String map = from.path("configMapRef", "name").text();
      d.attributes.put(prefix + "(from configMap " + map + ")", "all keys");
      configMap(c, m, map).ifPresent(cm -> {
        for (YamlNode.Entry e : cm.doc().get("data").entries()) {
          if (e.value().isScalar()) connections(c, m, e.key(), e.value().text(), e.value());
        }
      });
    }
  }

  private static Optional<Manifest> configMap(Cluster c, Manifest m, String name) {
    return c.find(m.namespace(), "ConfigMap", name);
  }

  /** The workload reads a Secret (only when the Secret is in these files; its data is never read). */
  static void secretEdge(Cluster c, Manifest m, String secret, YamlNode where) {
    if (c.find(m.namespace(), "Secret", secret).isEmpty()) return;
    c.out.add(new Dependency(m.id(), Manifest.id(m.namespace(), "Secret", secret), "", 0, Dependency.CONFIGURED,
        List.of(c.ev.of(where))));
  }

  private static void connections(Cluster c, Manifest m, String name, String raw, YamlNode where) {
    for (HostReference ref : HostReference.find(name, raw)) {
      Optional<Manifest> service = service(c, m.namespace(), ref.host());
      Evidence at = c.ev.ofEnv(where, name, raw);
      if (service.isEmpty()) {
        ExternalEndpoint.of(ref, c.knowledge, at).ifPresent(ext -> {
          c.out.add(ext);
          c.out.add(new Dependency(m.id(), ext.id(), ref.scheme(), ref.port(), Dependency.CONFIGURED, List.of(at)));
        });
        continue;
      }
      c.out.add(new Dependency(m.id(), service.get().id(), ref.scheme(), ref.port(), Dependency.CONFIGURED, List.of(at)));
    }
  }

  /** A Service named by a cluster DNS name, seen from a pod in {@code namespace}. */
  static Optional<Manifest> service(Cluster c, String namespace, String host) {
    String[] parts = host.split("\\.");
    if (parts.length == 1) return c.find(namespace, "Service", parts[0]);
    boolean dns = parts.length == 2
        || (parts[2].equals("svc") && (parts.length == 3 || host.endsWith(".svc.cluster.local") && parts.length == 5));
    return dns ? c.find(parts[1], "Service", parts[0]) : Optional.empty();
  }
}
