package dev.infradoc.collect.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.infradoc.model.ComponentKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** What Terraform resource types and registry modules are, from knowledge/terraform.yaml. */
final class ResourceTypes {

  /** One entry of the table. {@code zone} is "vpc", "subnet" or empty (a component). */
  record TypeInfo(String match, Pattern pattern, ComponentKind kind, String zone, String technology,
      String version, String cidr, String az, String parent, List<String> attributes) {

    boolean isZone() {
      return !zone.isEmpty();
    }
  }

  private static final TypeInfo UNKNOWN = new TypeInfo("", null, ComponentKind.UNCLASSIFIED, "",
      "", "", "", "", "", List.of());

  private final List<TypeInfo> types;
  private final List<TypeInfo> modules;
  private final Set<String> publicAttributes;
  private final Map<String, TypeInfo> cache = new ConcurrentHashMap<>();

  private ResourceTypes(List<TypeInfo> types, List<TypeInfo> modules, Set<String> publicAttributes) {
    this.types = types;
    this.modules = modules;
    this.publicAttributes = publicAttributes;
  }

  /**
   * Attribute names whose value is a map (tags, labels...): in .tf.json an object under such a name
   * is that attribute, any other object in a resource body is a nested block.
   */
  static Set<String> jsonMapAttributes() {
    return JsonMaps.NAMES;
  }

  /** Read once, on first use: only .tf.json files need it. */
  private static final class JsonMaps {
    static final Set<String> NAMES = read();

    private static Set<String> read() {
      try (InputStream in = ResourceTypes.class.getResourceAsStream("/knowledge/terraform.yaml")) {
        if (in == null) throw new IllegalStateException("knowledge file missing from the jar: terraform.yaml");
        Set<String> out = new java.util.HashSet<>();
        new ObjectMapper(new YAMLFactory()).readTree(in).path("jsonMapAttributes").forEach(a -> out.add(a.asText()));
        return Set.copyOf(out);
      } catch (IOException e) {
        throw new UncheckedIOException("knowledge file terraform.yaml is not valid YAML", e);
      }
    }
  }

  /** Attribute names that look like secrets but hold settings (http_tokens = "required"). */
  boolean isPublicAttribute(String name) {
    return publicAttributes.contains(name);
  }

  static ResourceTypes load() {
    try (InputStream in = ResourceTypes.class.getResourceAsStream("/knowledge/terraform.yaml")) {
      if (in == null) throw new IllegalStateException("knowledge file missing from the jar: terraform.yaml");
      JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
      List<TypeInfo> types = new ArrayList<>();
      for (JsonNode n : root.path("types")) types.add(entry(n, n.hasNonNull("type") ? "type" : "pattern"));
      List<TypeInfo> modules = new ArrayList<>();
      for (JsonNode n : root.path("modules")) modules.add(entry(n, "source"));
      Set<String> publicAttributes = new java.util.HashSet<>();
      root.path("publicAttributes").forEach(a -> publicAttributes.add(a.asText()));
      return new ResourceTypes(List.copyOf(types), List.copyOf(modules), Set.copyOf(publicAttributes));
    } catch (IOException e) {
      throw new UncheckedIOException("knowledge file terraform.yaml is not valid YAML", e);
    }
  }

  private static TypeInfo entry(JsonNode n, String matchField) {
    String match = n.path(matchField).asText();
    Pattern pattern = matchField.equals("type") ? null : Pattern.compile(match);
    List<String> attributes = new ArrayList<>();
    n.path("attributes").forEach(a -> attributes.add(a.asText()));
    String zone = n.path("zone").asText("");
    ComponentKind kind = zone.isEmpty() ? ComponentKind.fromId(n.path("kind").asText("unclassified"))
        : ComponentKind.NETWORK;
    return new TypeInfo(match, pattern, kind, zone, n.path("technology").asText(""),
        n.path("version").asText(""), n.path("cidr").asText(""), n.path("az").asText(""),
        n.path("parent").asText(""), List.copyOf(attributes));
  }

  /** The entry for a resource type; an unknown type is unclassified with no attributes. */
  TypeInfo type(String type) {
    return cache.computeIfAbsent(type, t -> {
      for (TypeInfo info : types) {
        if (info.pattern() == null ? info.match().equals(t) : info.pattern().matcher(t).matches()) return info;
      }
      return UNKNOWN;
    });
  }

  /** The entry for a registry or git module source; unclassified when not in the table. */
  TypeInfo module(String source) {
    for (TypeInfo info : modules) {
      if (info.pattern().matcher(source).matches()) return info;
    }
    return UNKNOWN;
  }
}
