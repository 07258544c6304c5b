package dev.infradoc.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The layers in the folder names hold: model depends on nothing of ours, and no layer reaches upward. */
class PackageDependencyTest {
  private static final Path SRC = Path.of("src/main/java/dev/infradoc");
  private static final Pattern IMPORT = Pattern.compile("(?m)^import (?:static )?dev\\.infradoc\\.([a-z]+)");
  /** Which top-level packages each may import. */
  private static final Map<String, Set<String>> ALLOWED = Map.of(
      "model", Set.of(),
      "knowledge", Set.of(),
      "redact", Set.of(),
      "collect", Set.of("model", "knowledge", "redact"),
      "analyze", Set.of("model"),
      // render draws what analyze derived (drift.md renders analyze.drift's comparison); analyze never renders.
      "render", Set.of("model", "pipeline", "analyze"),
      // history keeps model.json files as ModelJson writes them; nothing else.
      "history", Set.of("model", "render"),
      "pipeline", Set.of("model", "collect", "knowledge", "redact", "analyze", "render"),
      "cli", Set.of("model", "collect", "pipeline", "render", "analyze", "history"));

  @Test
  void layers_importOnlyWhatTheyMay() throws IOException {
    Map<String, Set<String>> actual = new HashMap<>();
    try (Stream<Path> files = Files.walk(SRC)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String layer = SRC.relativize(f).getName(0).toString();
        Matcher m = IMPORT.matcher(Files.readString(f));
        while (m.find()) {
          if (!m.group(1).equals(layer)) actual.computeIfAbsent(layer, k -> new TreeSet<>()).add(m.group(1) + " (" + f.getFileName() + ")");
        }
      }
    }
    actual.forEach((layer, imports) -> {
      assertThat(ALLOWED).as("layer %s is known", layer).containsKey(layer);
      for (String imp : imports) {
        assertThat(ALLOWED.get(layer)).as("%s imports %s", layer, imp).contains(imp.substring(0, imp.indexOf(' ')));
      }
    });
  }
}
