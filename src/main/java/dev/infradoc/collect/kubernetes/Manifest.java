package dev.infradoc.collect.kubernetes;

import dev.infradoc.collect.repo.YamlNode;
import java.util.Locale;

/** One Kubernetes object from a YAML document, with the namespace it lives in ("default" when none is written). */
record Manifest(String apiVersion, String kind, String name, String namespace, YamlNode doc) {

  /** Reads a document; null when it is not a named Kubernetes object. */
  static Manifest of(YamlNode doc) {
    if (!doc.isMap()) return null;
    String apiVersion = doc.get("apiVersion").text();
    String kind = doc.get("kind").text();
    String name = doc.path("metadata", "name").text();
    if (apiVersion.isEmpty() || kind.isEmpty() || name.isEmpty()) return null;
    String ns = doc.path("metadata", "namespace").text();
    return new Manifest(apiVersion, kind, name, ns.isEmpty() ? "default" : ns, doc);
  }

  /** {@code k8s:<namespace>/<kind>/<name>}. */
  String id() {
    return id(namespace, kind, name);
  }

  static String id(String namespace, String kind, String name) {
    return "k8s:" + namespace + "/" + kind.toLowerCase(Locale.ROOT) + "/" + name;
  }

  YamlNode metadata() {
    return doc.get("metadata");
  }

  YamlNode spec() {
    return doc.get("spec");
  }
}
