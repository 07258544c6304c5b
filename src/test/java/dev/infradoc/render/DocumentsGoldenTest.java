package dev.infradoc.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.infradoc.model.Model;
import dev.infradoc.pipeline.Documents;
import dev.infradoc.pipeline.RunInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden architecture.md and diagrams.md for infrastructure-as-code: each folder under
 * golden/documents names, in input.txt, a fixture repository of the collector golden cases; the
 * documents rendered from it must equal expected/. {@code -Dgolden.update=true} rewrites them for review.
 * DiagramsRenderIT renders every expected diagrams.md here in real Mermaid.
 */
class DocumentsGoldenTest {
  private static final Path ROOT = Path.of("src/test/resources/golden/documents");

  static Stream<String> cases() throws IOException {
    try (Stream<Path> dirs = Files.list(ROOT)) {
      return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void documents_matchExpected_forIacRepository(String name) throws Exception {
    Path dir = ROOT.resolve(name);
    Path input = Path.of(Files.readString(dir.resolve("input.txt")).strip());
    assertThat(input).as("input of " + name).isDirectory();
    Map<String, String> files = render(input);
    // diagrams-grouped.md: the same model's diagrams as a system too large for one box per resource gets them.
    files.put("diagrams-grouped.md", grouped(input));
    for (String doc : List.of("architecture.md", "diagrams.md", "diagrams-grouped.md")) {
      Path expected = dir.resolve("expected").resolve(doc);
      if (Boolean.getBoolean("golden.update")) {
        Files.createDirectories(expected.getParent());
        Files.writeString(expected, files.get(doc));
      }
      assertThat(expected).as("expected side of " + name).exists();
      assertThat(files.get(doc)).as(name + "/" + doc).isEqualTo(Files.readString(expected));
    }
    Map<String, String> again = render(input);
    again.put("diagrams-grouped.md", grouped(input));
    assertThat(again).as("a second run gives the same bytes").isEqualTo(files);
  }

  static String grouped(Path input) throws Exception {
    return dev.infradoc.render.mermaid.DiagramsDocument.grouped(model(input), new RunInfo("2026-01-01T00:00:00Z", List.of())).render();
  }

  static Map<String, String> render(Path input) throws Exception {
    return new java.util.LinkedHashMap<>(Documents.render(model(input), new RunInfo("2026-01-01T00:00:00Z", List.of())));
  }

  static Model model(Path input) throws Exception {
    return GoldenModels.collect(input);
  }
}
