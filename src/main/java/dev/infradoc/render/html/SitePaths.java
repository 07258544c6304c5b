package dev.infradoc.render.html;

import dev.infradoc.model.Component;
import dev.infradoc.model.Finding;
import dev.infradoc.model.Host;
import dev.infradoc.model.Model;
import dev.infradoc.model.Source;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where each thing lives in the site: file names made only of [a-z0-9._-] (so no name from a target
 * can become a scheme, a parent folder or a query), unique even when two names sanitize alike, and
 * anchors numbered by the model's sorted order. Paths are relative to the site root.
 */
final class SitePaths {
  private final Map<String, String> hostPages = new HashMap<>();
  private final Map<String, String> sourcePages = new HashMap<>();
  private final Map<String, String> componentAnchors = new HashMap<>();
  private final Map<String, String> findingAnchors = new HashMap<>();
  private final Map<String, Component> components;

  SitePaths(Model model) {
    Set<String> used = new HashSet<>();
    for (Host h : model.hosts()) hostPages.put(h.id(), unique(used, "hosts/", slug(h.hostname().isEmpty() ? h.id() : h.hostname())));
    for (Source s : model.sources()) sourcePages.put(s.id(), unique(used, "sources/", slug(s.id())));
    int i = 0;
    for (Component c : model.components()) componentAnchors.put(c.id(), "c" + (++i));
    i = 0;
    for (Finding f : model.findings()) findingAnchors.put(f.id(), "f" + (++i));
    components = model.componentsById();
  }

  static String slug(String s) {
    String slug = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("\\.{2,}", ".").replaceAll("^[-.]+|[-.]+$", "");
    if (slug.length() > 60) slug = slug.substring(0, 60);
    return slug.isEmpty() ? "page" : slug;
  }

  private static String unique(Set<String> used, String folder, String base) {
    String path = folder + base + ".html";
    for (int n = 2; !used.add(path); n++) path = folder + base + "-" + n + ".html";
    return path;
  }

  String host(String hostId) {
    return hostPages.get(hostId);
  }

  String source(String sourceId) {
    return sourcePages.get(sourceId);
  }

  String componentAnchor(String id) {
    return componentAnchors.get(id);
  }

  /** The page that lists a component: its host's page, else its source's page, else the index. */
  String componentPage(String id) {
    Component c = components.get(id);
    if (c == null) return "index.html";
    if (hostPages.containsKey(c.host())) return hostPages.get(c.host());
    if (sourcePages.containsKey(c.source())) return sourcePages.get(c.source());
    return "index.html";
  }

  String component(String id) {
    String anchor = componentAnchors.get(id);
    return componentPage(id) + (anchor == null ? "" : "#" + anchor);
  }

  String finding(String id) {
    return "findings.html#" + findingAnchors.get(id);
  }

  String findingAnchor(String id) {
    return findingAnchors.get(id);
  }
}
