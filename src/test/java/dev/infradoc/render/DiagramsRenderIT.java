package dev.infradoc.render;

import dev.infradoc.testing.MermaidCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every golden diagrams.md and diagrams-grouped.md (including the one drawn from hostile process names) parses and renders in real Mermaid. */
class DiagramsRenderIT {
  static Stream<Path> diagrams() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("src/test/resources/golden"))) {
      return files.filter(p -> p.getFileName().toString().matches("diagrams(-grouped)?\\.md")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("diagrams")
  void diagrams_renderInMermaid(Path diagrams) throws Exception {
    MermaidCheck.assertRenders(diagrams);
  }
}
