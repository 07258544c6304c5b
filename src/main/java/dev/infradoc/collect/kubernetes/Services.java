package dev.infradoc.collect.kubernetes;

import dev.infradoc.collect.repo.YamlNode;
import dev.infradoc.model.ComponentKind;
import dev.infradoc.model.Dependency;
import dev.infradoc.model.Evidence;
import dev.infradoc.model.Listen;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Services (edges to the workloads their selector picks, per port) and Ingresses (load balancers
 * with edges to their backend Services). A LoadBalancer Service or a NodePort listens on all
 * interfaces unless an annotation makes the load balancer internal.
 */
final class Services {
  /** Cloud annotations that keep a LoadBalancer Service off the internet. */
  private static final Pattern INTERNAL_LB = Pattern.compile(
      "(?i).*(load-balancer-internal|load-balancer-type|load-balancer-scheme).*");

  private Services() {}

  static void read(Cluster c) {
    for (Manifest m : c.ofKind("Service")) service(c, m);
    for (Manifest m : c.ofKind("Ingress")) ingress(c, m);
  }

  private static void service(Cluster c, Manifest m) {
    YamlNode spec = m.spec();
    String type = spec.get("type").text().isEmpty() ? "ClusterIP" : spec.get("type").text();
    Draft d = new Draft(m.id(), m.name(), type.equals("LoadBalancer") ? ComponentKind.LOAD_BALANCER : ComponentKind.NETWORK);
    d.technology = "Kubernetes Service";
    d.attributes.put("namespace", m.namespace());
    d.attributes.put("type", type);
    d.evidence.add(c.at(m));
    d.evidence.add(c.nameAt(m));
    if (spec.get("type").isScalar()) d.evidence.add(c.ev.of(spec.get("type")));
    String clusterIp = spec.get("clusterIP").text();
    if (clusterIp.equals("None")) d.attributes.put("clusterIP", "None (headless)");
    else if (!clusterIp.isEmpty()) d.attributes.put("clusterIP", clusterIp);
    boolean internal = false;
    for (YamlNode.Entry a : m.metadata().get("annotations").entries()) {
      if (INTERNAL_LB.matcher(a.key()).matches()) {
        String v = a.value().text().toLowerCase(Locale.ROOT);
        if (v.equals("true") || v.contains("internal")) internal = true;
        d.attributes.put("annotation." + a.key(), a.value().text());
      }
    }
    String exposure = switch (type) {
      case "LoadBalancer" -> internal ? "internal load balancer" : "external load balancer";
      case "NodePort" -> "port on every node";
      case "ExternalName" -> "DNS alias for " + spec.get("externalName").text();
      default -> "inside the cluster";
    };
    d.attributes.put("exposure", exposure);
    List<String> ranges = spec.get("loadBalancerSourceRanges").texts();
    if (!ranges.isEmpty()) d.attributes.put("loadBalancerSourceRanges", String.join(", ", ranges));
    if (spec.get("externalTrafficPolicy").isScalar()) d.attributes.put("externalTrafficPolicy", spec.get("externalTrafficPolicy").text());

    Map<String, String> selector = Cluster.labels(spec.get("selector"));
    List<Manifest> targets = c.selected(m.namespace(), selector);
    List<String> ports = new ArrayList<>();
    for (YamlNode p : spec.get("ports").items()) {
      String name = p.get("name").text();
      String proto = p.get("protocol").text().isEmpty() ? "TCP" : p.get("protocol").text();
      String target = p.get("targetPort").text().isEmpty() ? p.get("port").text() : p.get("targetPort").text();
      String nodePort = p.get("nodePort").text();
      ports.add((name.isEmpty() ? "" : name + " ") + p.get("port").text() + "->" + target + "/" + proto
          + (nodePort.isEmpty() ? "" : " (nodePort " + nodePort + ")"));
      d.evidence.add(c.ev.of(p));
      listens(d, type, internal, p, proto);
      String appProtocol = p.get("appProtocol").text();
      for (Manifest w : targets) {
        c.out.add(new Dependency(m.id(), w.id(), appProtocol.isEmpty() ? proto.toLowerCase(Locale.ROOT) : appProtocol,
            containerPort(w, target), Dependency.DECLARED,
            List.of(c.ev.ofKey(spec, "selector"), c.ev.of(p))));
      }
    }
    if (!ports.isEmpty()) d.attributes.put("ports", String.join(", ", ports));
    if (selector.isEmpty()) {
      d.attributes.put("selector", "none (endpoints managed outside this Service)");
    } else {
      d.attributes.put("selector", Cluster.describe(selector));
      d.evidence.add(c.ev.ofKey(spec, "selector"));
      if (targets.isEmpty()) d.attributes.put("selects", "no workload in these files");
      else d.attributes.put("selects", String.join(", ", targets.stream().map(Manifest::id).toList()));
    }
    c.drafts.put(d.id, d);
  }

  private static void listens(Draft d, String type, boolean internal, YamlNode p, String proto) {
    String port = switch (type) {
      case "LoadBalancer" -> internal ? "" : p.get("port").text();
      case "NodePort" -> p.get("nodePort").text();
      default -> "";
    };
    try {
      if (!port.isEmpty()) d.listens.add(new Listen("0.0.0.0", Integer.parseInt(port), proto.toLowerCase(Locale.ROOT)));
    } catch (NumberFormatException e) {
      // a templated or named port: shown in the ports attribute, not as a listener
    }
  }

  /** The container port a Service port reaches: a number as written, or a named port looked up in the pods. */
  static int containerPort(Manifest workload, String target) {
    if (target.matches("\\d{1,5}")) return Integer.parseInt(target);
    YamlNode pod = Cluster.podSpec(workload);
    for (YamlNode container : pod.get("containers").items()) {
      for (YamlNode port : container.get("ports").items()) {
        if (port.get("name").text().equals(target) && port.get("containerPort").text().matches("\\d{1,5}")) {
          return Integer.parseInt(port.get("containerPort").text());
        }
      }
    }
    return 0;
  }

  private static void ingress(Cluster c, Manifest m) {
    YamlNode spec = m.spec();
    Draft d = new Draft(m.id(), m.name(), ComponentKind.LOAD_BALANCER);
    d.technology = "Kubernetes Ingress";
    d.attributes.put("namespace", m.namespace());
    d.evidence.add(c.at(m));
    d.evidence.add(c.nameAt(m));
    String cls = spec.get("ingressClassName").text();
    if (cls.isEmpty()) cls = m.metadata().path("annotations").get("kubernetes.io/ingress.class").text();
    if (!cls.isEmpty()) d.attributes.put("class", cls);
    List<String> hosts = new ArrayList<>();
    List<String> rules = new ArrayList<>();
    for (YamlNode rule : spec.get("rules").items()) {
      String host = rule.get("host").text().isEmpty() ? "*" : rule.get("host").text();
      if (!hosts.contains(host)) hosts.add(host);
      d.evidence.add(c.ev.of(rule));
      for (YamlNode path : rule.path("http", "paths").items()) {
        String p = path.get("path").text().isEmpty() ? "/" : path.get("path").text();
        String backend = backend(c, m, path.get("backend"));
        rules.add(host + p + " -> " + backend);
      }
    }
    if (spec.get("defaultBackend").isMap() || spec.get("backend").isMap()) {
      YamlNode b = spec.get("defaultBackend").isMap() ? spec.get("defaultBackend") : spec.get("backend");
      rules.add("default -> " + backend(c, m, b));
    }
    List<String> tls = new ArrayList<>();
    for (YamlNode t : spec.get("tls").items()) {
      String secret = t.get("secretName").text();
      tls.add(String.join(", ", t.get("hosts").texts()) + (secret.isEmpty() ? "" : " (secret " + secret + ")"));
      d.evidence.add(c.ev.of(t));
    }
    if (!hosts.isEmpty()) d.attributes.put("hosts", String.join(", ", hosts));
    if (!rules.isEmpty()) d.attributes.put("rules", String.join("; ", rules));
    d.attributes.put("tls", tls.isEmpty() ? "none declared" : String.join("; ", tls));
    c.drafts.put(d.id, d);
  }

  /** "api:80", with a declared edge from the Ingress to the Service when the Service is in these files. */
  private static String backend(Cluster c, Manifest m, YamlNode b) {
    String service = b.path("service", "name").text();
    YamlNode portNode = b.path("service", "port");
    String port = portNode.get("number").text().isEmpty() ? portNode.get("name").text() : portNode.get("number").text();
    if (service.isEmpty()) {
      service = b.get("serviceName").text();
      port = b.get("servicePort").text();
    }
    if (service.isEmpty()) return b.get("resource").isMap() ? "resource " + b.path("resource", "name").text() : "?";
    if (c.find(m.namespace(), "Service", service).isEmpty()) {
      c.problem(b, "Ingress " + m.name() + " routes to Service " + service + ", which is not in these files",
          "scan the folder that holds the Service too");
    } else {
      YamlNode named = b.path("service", "name").isScalar() ? b.path("service", "name") : b.get("serviceName");
      Evidence where = c.ev.of(named.isMissing() ? b : named);
      c.out.add(new Dependency(m.id(), Manifest.id(m.namespace(), "Service", service), "http",
          port.matches("\\d{1,5}") ? Integer.parseInt(port) : 0, Dependency.DECLARED, List.of(where)));
    }
    return service + ":" + port;
  }
}
