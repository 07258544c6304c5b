package dev.infradoc.collect.kubernetes;

import dev.infradoc.collect.repo.YamlNode;
import dev.infradoc.model.ComponentKind;
import dev.infradoc.model.Evidence;
import dev.infradoc.model.Zone;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Namespaces as zones, listing the ConfigMaps, Secrets and PersistentVolumeClaims in them by name;
 * NetworkPolicies as zones inside their namespace; Secrets as components (name and type only:
 * their data is never read).
 */
final class Namespaces {
  private Namespaces() {}

  static void read(Cluster c) {
    Map<String, Map<String, TreeSet<String>>> lists = new TreeMap<>();
    Map<String, List<Evidence>> evidence = new TreeMap<>();
    for (Manifest m : c.manifests) {
      if (m.kind().equals("Namespace")) {
        lists.computeIfAbsent(m.name(), k -> new TreeMap<>());
        evidence.computeIfAbsent(m.name(), k -> new ArrayList<>()).add(c.nameAt(m));
        continue;
      }
      lists.computeIfAbsent(m.namespace(), k -> new TreeMap<>());
      YamlNode nsNode = m.metadata().get("namespace");
      evidence.computeIfAbsent(m.namespace(), k -> new ArrayList<>())
          .add(nsNode.isScalar() ? c.ev.of(nsNode) : c.at(m));
      String list = switch (m.kind()) {
        case "ConfigMap" -> "configMaps";
        case "Secret" -> "secrets";
        case "PersistentVolumeClaim" -> "persistentVolumeClaims";
        case "NetworkPolicy" -> "networkPolicies";
        case "ServiceAccount" -> "serviceAccounts";
        default -> "";
      };
      if (list.isEmpty()) continue;
      String entry = m.kind().equals("PersistentVolumeClaim") ? m.name() + " (" + claim(m.spec()) + ")" : m.name();
      lists.get(m.namespace()).computeIfAbsent(list, k -> new TreeSet<>()).add(entry);
    }
    for (Map.Entry<String, Map<String, TreeSet<String>>> ns : lists.entrySet()) {
      Map<String, String> attrs = new TreeMap<>();
      ns.getValue().forEach((k, v) -> attrs.put(k, String.join(", ", v)));
      c.out.zones.add(new Zone("k8s:" + ns.getKey(), ns.getKey(), "namespace", "", "", attrs, Evidence.sorted(evidence.get(ns.getKey()))));
    }
    for (Manifest m : c.ofKind("Secret")) secret(c, m);
    for (Manifest m : c.ofKind("NetworkPolicy")) networkPolicy(c, m);
  }

  /** "10Gi, ReadWriteOnce, storageClass gp3" for a PVC spec or volumeClaimTemplate spec. */
  static String claim(YamlNode spec) {
    List<String> parts = new ArrayList<>();
    String size = spec.path("resources", "requests", "storage").text();
    if (!size.isEmpty()) parts.add(size);
    parts.addAll(spec.get("accessModes").texts());
    String cls = spec.get("storageClassName").text();
    if (!cls.isEmpty()) parts.add("storageClass " + cls);
    return parts.isEmpty() ? "no size written" : String.join(", ", parts);
  }

  private static void secret(Cluster c, Manifest m) {
    Draft d = new Draft(m.id(), m.name(), ComponentKind.SECRETS);
    d.technology = "Kubernetes Secret";
    d.attributes.put("namespace", m.namespace());
    String type = m.doc().get("type").text();
    d.attributes.put("type", type.isEmpty() ? "Opaque" : type);
    d.evidence.add(c.at(m));
    d.evidence.add(c.nameAt(m));
    c.drafts.put(d.id, d);
  }

  private static void networkPolicy(Cluster c, Manifest m) {
    YamlNode spec = m.spec();
    Map<String, String> attrs = new TreeMap<>();
    Map<String, String> selector = Cluster.labels(spec.path("podSelector", "matchLabels"));
    attrs.put("podSelector", selector.isEmpty() ? "all pods in the namespace" : Cluster.describe(selector));
    List<String> appliesTo = new ArrayList<>();
    for (Manifest w : c.manifests) {
      if (!Cluster.WORKLOAD_KINDS.contains(w.kind()) || !w.namespace().equals(m.namespace())) continue;
      if (Cluster.podLabels(w).entrySet().containsAll(selector.entrySet())) appliesTo.add(w.id());
    }
    if (!appliesTo.isEmpty()) attrs.put("appliesTo", String.join(", ", appliesTo));
    List<String> types = spec.get("policyTypes").texts();
    if (!types.isEmpty()) attrs.put("policyTypes", String.join(", ", types));
    List<Evidence> evidence = new ArrayList<>(List.of(c.at(m), c.nameAt(m)));
    for (String direction : List.of("ingress", "egress")) {
      List<String> rules = new ArrayList<>();
      for (YamlNode rule : spec.get(direction).items()) {
        rules.add(rule(rule, direction.equals("ingress") ? "from" : "to"));
        evidence.add(c.ev.of(rule));
      }
      if (spec.get(direction).isSeq()) attrs.put(direction, rules.isEmpty() ? "deny all" : String.join("; ", rules));
    }
    c.out.zones.add(new Zone(m.id(), m.name(), "network-policy", "", "k8s:" + m.namespace(), attrs, Evidence.sorted(evidence)));
  }

  private static String rule(YamlNode rule, String peersKey) {
    List<String> peers = new ArrayList<>();
    for (YamlNode peer : rule.get(peersKey).items()) {
      List<String> p = new ArrayList<>();
      Map<String, String> pods = Cluster.labels(peer.path("podSelector", "matchLabels"));
      Map<String, String> nss = Cluster.labels(peer.path("namespaceSelector", "matchLabels"));
      if (peer.has("namespaceSelector")) p.add("namespaces " + (nss.isEmpty() ? "all" : Cluster.describe(nss)));
      if (peer.has("podSelector")) p.add("pods " + (pods.isEmpty() ? "all" : Cluster.describe(pods)));
      if (peer.get("ipBlock").isMap()) {
        p.add("cidr " + peer.path("ipBlock", "cidr").text()
            + (peer.path("ipBlock", "except").isSeq() ? " except " + String.join(" ", peer.path("ipBlock", "except").texts()) : ""));
      }
      peers.add(String.join(" and ", p));
    }
    List<String> ports = new ArrayList<>();
    for (YamlNode port : rule.get("ports").items()) {
      String proto = port.get("protocol").text().isEmpty() ? "TCP" : port.get("protocol").text();
      ports.add(port.get("port").text() + "/" + proto);
    }
    return peersKey + " " + (peers.isEmpty() ? "anywhere" : String.join(" or ", peers))
        + (ports.isEmpty() ? " on all ports" : " on " + String.join(", ", ports));
  }
}
