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
import java.util.regex.Pattern;

/** What a CI/CD step does (deploys, builds, tests...), from {@code knowledge/ci-actions.yaml}. */
public final class CiActionCatalog {

  /** One entry: exactly one of {@code uses} and {@code run} is set. */
  public record CiStep(String id, Pattern uses, Pattern run, String does, String what) {}

  private static final CiActionCatalog SHIPPED = load("/knowledge/ci-actions.yaml");

  private final List<CiStep> steps;

  private CiActionCatalog(List<CiStep> steps) {
    this.steps = steps;
  }

  /** The catalog in the jar (read once). */
  public static CiActionCatalog shipped() {
    return SHIPPED;
  }

  static CiActionCatalog load(String resource) {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    try (InputStream in = CiActionCatalog.class.getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("knowledge file missing from the jar: " + resource);
      List<CiStep> out = new ArrayList<>();
      for (JsonNode n : yaml.readTree(in).path("steps")) {
        Pattern uses = n.hasNonNull("uses") ? Pattern.compile(n.path("uses").asText()) : null;
        Pattern run = n.hasNonNull("run") ? Pattern.compile(n.path("run").asText()) : null;
        if ((uses == null) == (run == null)) {
          throw new IllegalStateException(resource + ": entry " + n.path("id").asText() + " needs exactly one of uses and run");
        }
        out.add(new CiStep(n.path("id").asText(), uses, run, n.path("does").asText(), n.path("what").asText()));
      }
      return new CiActionCatalog(List.copyOf(out));
    } catch (IOException e) {
      throw new UncheckedIOException("knowledge file " + resource + " is not valid YAML", e);
    }
  }

  /** Entries for an action reference such as {@code docker/build-push-action@v6}. */
  public List<CiStep> forUses(String reference) {
    String ref = reference.strip();
    int at = ref.indexOf('@');
    String action = (at >= 0 ? ref.substring(0, at) : ref).toLowerCase(Locale.ROOT);
    return steps.stream().filter(s -> s.uses() != null && s.uses().matcher(action).matches()).toList();
  }

  /** Entries whose command pattern occurs in one line of a {@code run:} script. */
  public List<CiStep> forRunLine(String line) {
    return steps.stream().filter(s -> s.run() != null && s.run().matcher(line).find()).toList();
  }
}
