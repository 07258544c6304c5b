package dev.infradoc.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** What a container image is, from {@code knowledge/images.yaml}. */
public final class ImageCatalog {

  /** One entry of images.yaml; {@code kind} is a component kind id such as "database". */
  public record ImageKind(String id, String technology, String kind, Pattern match) {}

  /** An image reference taken apart: repository path (no registry, no library/), tag, digest. */
  public record ImageRef(String repository, String tag, String digest) {
    /** The tag as a version: empty when there is none, it is "latest", or it is still a variable. */
    public String version() {
      return tag.isEmpty() || tag.equals("latest") || tag.contains("$") || tag.contains("{") ? "" : tag;
    }
  }

  private static final ImageCatalog SHIPPED = load("/knowledge/images.yaml");

  private final List<ImageKind> images;

  private ImageCatalog(List<ImageKind> images) {
    this.images = images;
  }

  /** The catalog in the jar (read once). */
  public static ImageCatalog shipped() {
    return SHIPPED;
  }

  static ImageCatalog load(String resource) {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    try (InputStream in = ImageCatalog.class.getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("knowledge file missing from the jar: " + resource);
      List<ImageKind> out = new ArrayList<>();
      for (JsonNode n : yaml.readTree(in).path("images")) {
        out.add(new ImageKind(n.path("id").asText(), n.path("technology").asText(),
            n.path("kind").asText(), Pattern.compile(n.path("match").asText())));
      }
      return new ImageCatalog(List.copyOf(out));
    } catch (IOException e) {
      throw new UncheckedIOException("knowledge file " + resource + " is not valid YAML", e);
    }
  }

  /** Every entry, in file order. */
  public List<ImageKind> entries() {
    return images;
  }

  /** The first entry whose pattern matches the image's repository path. */
  public Optional<ImageKind> find(String image) {
    String repo = parse(image).repository();
    if (repo.isEmpty()) return Optional.empty();
    return images.stream().filter(i -> i.match().matcher(repo).matches()).findFirst();
  }

  /** Takes {@code registry:5000/team/app:1.2@sha256:...} apart, as written (variables stay). */
  public static ImageRef parse(String image) {
    String s = image == null ? "" : image.strip();
    String digest = "";
    int at = s.indexOf('@');
    if (at >= 0) {
      digest = s.substring(at + 1);
      s = s.substring(0, at);
    }
    String tag = "";
    int colon = s.lastIndexOf(':');
    if (colon > s.lastIndexOf('/') && !s.substring(colon).contains("}")) {
      tag = s.substring(colon + 1);
      s = s.substring(0, colon);
    }
    String[] parts = s.split("/");
    int start = 0;
    if (parts.length > 1 && (parts[0].contains(".") || parts[0].contains(":") || parts[0].equals("localhost"))) start = 1;
    if (parts.length - start > 1 && parts[start].equals("library")) start++;
    String repo = String.join("/", java.util.Arrays.copyOfRange(parts, start, parts.length));
    return new ImageRef(repo.toLowerCase(Locale.ROOT), tag, digest);
  }

  /**
   * The registry and repository of an image, for telling whether two references name one image
   * whatever their tags: {@code registry} is lower case, "docker.io" when none is written (Docker's
   * default, also for index.docker.io and registry-1.docker.io), and empty when the registry is a
   * variable named for a registry ({@code ${{ steps.ecr.outputs.registry }}}, {@code $REGISTRY});
   * {@code repository} is as {@link #parse} gives it, and empty when a variable stands in it.
   */
  public record ImageName(String registry, String repository) {
    /** Both name the same repository; a registry written as a variable may be any registry. */
    public boolean sameAs(ImageName other) {
      return !repository.isEmpty() && repository.equals(other.repository)
          && (registry.isEmpty() || other.registry.isEmpty() || registry.equals(other.registry));
    }
  }

  private static final java.util.Set<String> DOCKER_HUB = java.util.Set.of("docker.io", "index.docker.io", "registry-1.docker.io");

  /** {@code image} taken apart as {@link ImageName} says; variables in the tag or digest do not matter. */
  public static ImageName name(String image) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    StringBuilder part = new StringBuilder();
    String s = image == null ? "" : image.strip();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '{') depth++;
      if (c == '}') depth = Math.max(0, depth - 1);
      if (depth == 0 && c == '@') break; // the digest
      if (depth == 0 && c == '/') {
        parts.add(part.toString());
        part.setLength(0);
      } else {
        part.append(c);
      }
    }
    // The tag: after the first colon of the last part that is outside a ${...}.
    String last = part.toString();
    depth = 0;
    for (int i = 0; i < last.length(); i++) {
      char c = last.charAt(i);
      if (c == '{') depth++;
      if (c == '}') depth = Math.max(0, depth - 1);
      if (depth == 0 && c == ':') {
        last = last.substring(0, i);
        break;
      }
    }
    parts.add(last);
    String first = parts.get(0);
    String registry = "docker.io";
    List<String> path = parts;
    if (parts.size() > 1 && first.contains("$")) {
      if (!first.toLowerCase(Locale.ROOT).contains("registry")) return new ImageName("", "");
      registry = "";
      path = parts.subList(1, parts.size());
    } else if (parts.size() > 1 && (first.contains(".") || first.contains(":") || first.equals("localhost"))) {
      registry = DOCKER_HUB.contains(first.toLowerCase(Locale.ROOT)) ? "docker.io" : first.toLowerCase(Locale.ROOT);
      path = parts.subList(1, parts.size());
    }
    String joined = String.join("/", path);
    if (joined.isEmpty() || joined.contains("$") || joined.contains("{")) return new ImageName(registry, "");
    return new ImageName(registry, parse(joined).repository());
  }
}
