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
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Application manifests (requirements.txt, package.json, ...) and the notable libraries in them, from manifests.yaml. */
public final class Manifests {
  /** A manifest file name, the language it implies, and how to read package names out of it. */
  public record Manifest(String file, String language, String format) {}

  /** A library worth naming: a label, its role (framework, server, client, library) and what it talks to. */
  public record Library(String name, String label, String role, String uses) {}

  private static final Map<String, Pattern> FORMATS = Map.of(
      "requirements", Pattern.compile("^\\s*\"?([A-Za-z0-9][A-Za-z0-9._-]*)"),
      "json-deps", Pattern.compile("^\\s*\"(@?[A-Za-z0-9][A-Za-z0-9._/-]*)\"\\s*:\\s*\"[~^<>=*0-9v]"),
      "maven", Pattern.compile("<artifactId>\\s*([A-Za-z0-9._-]+)\\s*</artifactId>"),
      "gradle", Pattern.compile("['\"][A-Za-z0-9._-]+:([A-Za-z0-9._-]+)[:'\"]"),
      "gomod", Pattern.compile("^\\s*(?:require\\s+)?([a-z0-9.-]+\\.[a-z]+/[^\\s]+)\\s+v"),
      "gemfile", Pattern.compile("^\\s*gem\\s+['\"]([A-Za-z0-9._-]+)['\"]"));

  private final List<Manifest> manifests;
  private final Map<String, Library> libraries;

  private Manifests(List<Manifest> manifests, Map<String, Library> libraries) {
    this.manifests = manifests;
    this.libraries = libraries;
  }

  public static Manifests load() {
    try (InputStream in = Manifests.class.getResourceAsStream("/knowledge/manifests.yaml")) {
      JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
      List<Manifest> manifests = new ArrayList<>();
      root.path("manifests").forEach(n -> manifests.add(new Manifest(n.path("file").asText(),
          n.path("language").asText(), n.path("format").asText())));
      Map<String, Library> libraries = new TreeMap<>();
      root.path("libraries").fields().forEachRemaining(e -> libraries.put(e.getKey(),
          new Library(e.getKey(), e.getValue().path("label").asText(), e.getValue().path("role").asText(),
              e.getValue().path("uses").asText(""))));
      return new Manifests(List.copyOf(manifests), Map.copyOf(libraries));
    } catch (IOException e) {
      throw new UncheckedIOException("knowledge file manifests.yaml is not readable", e);
    }
  }

  public List<Manifest> manifests() {
    return manifests;
  }

  public Optional<Manifest> manifest(String fileName) {
    return manifests.stream().filter(m -> m.file().equals(fileName)).findFirst();
  }

  /** The package a manifest line names, if the line names one. */
  public Optional<String> packageOn(Manifest manifest, String line) {
    Matcher m = FORMATS.get(manifest.format()).matcher(line);
    return m.find() ? Optional.of(m.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
  }

  public Optional<Library> library(String packageName) {
    return Optional.ofNullable(libraries.get(packageName));
  }
}
