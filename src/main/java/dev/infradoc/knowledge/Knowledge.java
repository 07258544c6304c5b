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
import java.util.regex.Pattern;

/**
 * What technologies are, read from the versioned data files in {@code /knowledge}. Adding a
 * technology is a data change plus a test fixture, not a code branch.
 */
public final class Knowledge {
  private final String version;
  private final List<ProcessSignature> processes;
  private final Map<Integer, PortHint> ports;
  private final List<EndpointHint> endpoints;
  private final Map<String, String> schemes;

  private Knowledge(String version, List<ProcessSignature> processes, Map<Integer, PortHint> ports,
      List<EndpointHint> endpoints, Map<String, String> schemes) {
    this.version = version;
    this.processes = processes;
    this.ports = ports;
    this.endpoints = endpoints;
    this.schemes = schemes;
  }

  /** Loads the knowledge files shipped in the jar. */
  public static Knowledge load() {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    JsonNode proc = read(yaml, "processes.yaml");
    JsonNode net = read(yaml, "network.yaml");
    List<ProcessSignature> processes = new ArrayList<>();
    for (JsonNode n : proc.path("processes")) processes.add(signature(n));
    Map<Integer, PortHint> ports = new TreeMap<>();
    for (JsonNode n : net.path("ports")) {
      PortHint p = new PortHint(n.path("port").asInt(), n.path("technology").asText(),
          n.path("kind").asText(), n.path("protocol").asText(""));
      ports.put(p.port(), p);
    }
    List<EndpointHint> endpoints = new ArrayList<>();
    for (JsonNode n : net.path("endpoints")) {
      endpoints.add(new EndpointHint(n.path("id").asText(), n.path("name").asText(),
          n.path("kind").asText(), n.path("technology").asText(),
          Pattern.compile(n.path("host").asText(), Pattern.CASE_INSENSITIVE)));
    }
    Map<String, String> schemes = new TreeMap<>();
    net.path("schemes").fields().forEachRemaining(e -> schemes.put(e.getKey(), e.getValue().asText()));
    return new Knowledge(proc.path("version").asText(), List.copyOf(processes), Map.copyOf(ports),
        List.copyOf(endpoints), Map.copyOf(schemes));
  }

  private static JsonNode read(ObjectMapper yaml, String file) {
    try (InputStream in = Knowledge.class.getResourceAsStream("/knowledge/" + file)) {
      if (in == null) throw new IllegalStateException("knowledge file missing from the jar: " + file);
      return yaml.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("knowledge file " + file + " is not valid YAML", e);
    }
  }

  private static ProcessSignature signature(JsonNode n) {
    List<String> programs = new ArrayList<>();
    n.path("programs").forEach(p -> programs.add(p.asText()));
    List<String> packages = new ArrayList<>();
    n.path("packages").forEach(p -> packages.add(p.asText()));
    return new ProcessSignature(
        n.path("id").asText(),
        n.path("name").asText(n.path("id").asText()),
        n.path("technology").asText(n.path("name").asText(n.path("id").asText())),
        n.path("kind").asText("unclassified"),
        n.path("language").asText(""),
        n.path("role").asText("service"),
        List.copyOf(programs),
        n.hasNonNull("programPattern") ? Pattern.compile(n.path("programPattern").asText()) : null,
        n.hasNonNull("args") ? Pattern.compile(n.path("args").asText()) : null,
        List.copyOf(packages),
        n.path("workerArgs").asText(""));
  }

  public String version() {
    return version;
  }

  public List<ProcessSignature> processes() {
    return processes;
  }

  /** The first signature, in file order, that matches the program and its command line. */
  public Optional<ProcessSignature> process(String program, String commandLine) {
    return processes.stream().filter(s -> s.matches(program, commandLine)).findFirst();
  }

  public Optional<PortHint> port(int port) {
    return Optional.ofNullable(ports.get(port));
  }

  public Optional<EndpointHint> endpoint(String host) {
    return endpoints.stream().filter(e -> e.host().matcher(host).matches()).findFirst();
  }

  /** The technology a URL scheme names (postgres -> PostgreSQL), if known; schemes ignore case (RFC 3986). */
  public Optional<String> scheme(String scheme) {
    return Optional.ofNullable(schemes.get(scheme.toLowerCase(Locale.ROOT)));
  }
}
