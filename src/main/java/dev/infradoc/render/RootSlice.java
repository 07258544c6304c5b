package dev.infradoc.render;

import dev.infradoc.model.Component;
import dev.infradoc.model.Dependency;
import dev.infradoc.model.Model;
import dev.infradoc.model.Zone;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A repository with several Terraform roots (envs/prod and envs/staging, aws/ and gcp/) is
 * documented one root at a time: each root's part of the model is its resources and zones (ids
 * {@code tf:<root dir>/<address>}), the dependencies between them, and the findings about them.
 */
public final class RootSlice {
  private RootSlice() {}

  /** Each root's model, by root directory; empty when the model holds fewer than two roots. */
  public static Map<String, Model> of(Model model) {
    return Derived.of(model, RootSlice.class, RootSlice::slice);
  }

  private static Map<String, Model> slice(Model model) {
    Map<String, Set<String>> members = new TreeMap<>();
    for (Component c : model.components()) {
      String root = root(c.id(), c.attribute("terraform.address"));
      if (root != null) members.computeIfAbsent(root, k -> new HashSet<>()).add(c.id());
    }
    Map<String, Model> out = new TreeMap<>();
    if (members.size() < 2) return Map.of();
    members.forEach((root, own) -> {
      List<Zone> zones = model.zones().stream().filter(z -> root.equals(root(z.id(), z.attributes().getOrDefault("terraform.address", z.name()))))
          .toList();
      List<Dependency> deps = model.dependencies().stream().filter(d -> own.contains(d.from()) && own.contains(d.to())).toList();
      out.put(root, new Model(model.schemaVersion(), model.generatedBy(), model.generatedAt(), model.sources(), model.hosts(),
          model.components().stream().filter(c -> own.contains(c.id())).toList(), deps, zones,
          model.findings().stream().filter(f -> f.components().stream().anyMatch(own::contains)).toList(),
          model.problems(), model.collections()));
    });
    return java.util.Collections.unmodifiableMap(out);
  }

  /** "envs/prod" of tf:envs/prod/aws_vpc.main (address aws_vpc.main); null when the id has no root. */
  static String root(String id, String address) {
    if (!id.startsWith("tf:") || address.isEmpty() || !id.endsWith("/" + address)) return null;
    String root = id.substring(3, id.length() - address.length() - 1);
    return root.isEmpty() ? null : root;
  }
}
