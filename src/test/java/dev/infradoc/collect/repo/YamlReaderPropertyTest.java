package dev.infradoc.collect.repo;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import dev.infradoc.testing.BrokenText;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * YamlReader (compose, Kubernetes and workflow files all go through it) on arbitrary and broken
 * input: it never throws, and an error always has a line and column inside the text.
 */
class YamlReaderPropertyTest {
  private static final Path FIXTURES = Path.of("src/test/resources/golden/iac");
  private static final List<String> FILES = List.of("k8s-shop/input/deploy/web.yaml", "k8s-shop/input/deploy/ingress.yaml",
      "compose-shop/input/shop/docker-compose.yml", "gha-pipeline/input/.github/workflows/ci.yml");

  @Property
  void parse_neverThrows_andGivesAPosition_onArbitraryText(@ForAll("yamlish") String text) {
    check(text);
  }

  @Property
  void parse_neverThrows_andGivesAPosition_onTruncatedOrMutatedFixtures(@ForAll("broken") String text) {
    check(text);
  }

  @Example
  void fixtures_parse_whenUntouched() {
    for (String f : FILES) assertTrue(YamlReader.parse(f, read(f)).error().isEmpty(), f);
    assertTrue(YamlReader.parse("x.yaml", "a: [1, 2\n").error().isPresent());
  }

  private static void check(String text) {
    YamlFile f = YamlReader.parse("x.yaml", text);
    assertNotNull(f);
    int lines = text.split("\r?\n|\r", -1).length;
    f.error().ifPresent(e -> {
      assertTrue(e.line() >= 1 && e.line() <= lines, "line " + e.line() + " outside the text (" + lines + "): " + e.message());
      assertTrue(e.column() >= 1, e.message());
      assertTrue(!e.message().isBlank() && !e.message().contains("\n"), e.message());
    });
  }

  @Provide
  Arbitrary<String> yamlish() {
    Arbitrary<String> tokens = Arbitraries.of("a", "key", ":", " ", "  ", "\n", "- ", "[", "]", "{", "}", ",", "&x ", "*x",
        "<<: ", "!!str ", "!!python/object:os.system ", "|", ">", "\"", "'", "#", "---\n", "...\n", "\t", "%YAML 1.1\n", "?", "@");
    Arbitrary<String> structured = tokens.list().ofMaxSize(80).map(l -> String.join("", l));
    return Arbitraries.oneOf(structured, Arbitraries.strings().ofMaxLength(200));
  }

  @Provide
  Arbitrary<String> broken() {
    return BrokenText.of(FIXTURES, FILES, ':', '-', '"', '\'', '[', '{', '\n', '\t', '&', '*', '|', '#', ' ', '\u0000');
  }

  private static String read(String name) {
    return BrokenText.read(FIXTURES.resolve(name));
  }
}
