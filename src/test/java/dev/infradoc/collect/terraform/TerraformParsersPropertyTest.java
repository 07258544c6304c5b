package dev.infradoc.collect.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.infradoc.collect.CollectContext;
import dev.infradoc.collect.CollectEvents;
import dev.infradoc.collect.CollectOptions;
import dev.infradoc.collect.Target;
import dev.infradoc.knowledge.Knowledge;
import dev.infradoc.model.Fragment;
import dev.infradoc.model.Problem;
import dev.infradoc.redact.Redactor;
import dev.infradoc.testing.BrokenText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The Terraform parsers' entry points on arbitrary and broken input: HCL text (HclParsing, what the
 * collector parses every .tf file with) and state/plan JSON (through the collector, as a file).
 * They never throw, and whatever they reject comes with {@code line:col}.
 */
class TerraformParsersPropertyTest {
  private static final Pattern POSITION = Pattern.compile("^(\\d+):(\\d+): \\S.*", Pattern.DOTALL);
  private static final Path FIXTURES = Path.of("src/test/resources/golden-terraform");
  private static final TerraformCollector COLLECTOR = new TerraformCollector();
  private static Path work;

  @BeforeContainer
  static void workDir() throws IOException {
    work = Files.createTempDirectory("tf-props");
  }

  @AfterContainer
  static void removeWorkDir() throws IOException {
    try (var files = Files.walk(work)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Property
  void hcl_neverThrows_andGivesAPosition_onArbitraryText(@ForAll("hclish") String text) {
    checkHcl(text);
  }

  @Property
  void hcl_neverThrows_andGivesAPosition_onTruncatedOrMutatedFixtures(@ForAll("brokenTf") String text) {
    checkHcl(text);
  }

  @Property(tries = 150)
  void stateJson_neverThrows_andGivesAPosition_onTruncatedOrMutatedFiles(@ForAll("brokenJson") String text) throws Exception {
    checkJson(text);
  }

  @Property(tries = 150)
  void stateJson_neverThrows_andGivesAPosition_onArbitraryText(@ForAll("jsonish") String text) throws Exception {
    checkJson(text);
  }

  @Property
  void tfJson_neverThrows_andGivesAPosition_onTruncatedOrMutatedFixtures(@ForAll("brokenTfJson") String text) {
    checkTfJson(text);
  }

  @Property
  void tfJson_neverThrows_andGivesAPosition_onArbitraryText(@ForAll("tfJsonish") String text) {
    checkTfJson(text);
  }

  private static void checkTfJson(String text) {
    HclParsing.Result r = TfJson.parse(text, "main.tf.json", ResourceTypes.jsonMapAttributes());
    assertNotNull(r);
    int lines = (int) text.chars().filter(c -> c == '\n').count() + 1;
    if (r.file() == null) {
      assertPosition(r.error(), lines);
    } else {
      r.recovered().forEach(e -> assertPosition(e, lines));
      assertTrue(r.file().lineCount() <= lines);
    }
  }

  private static void checkHcl(String text) {
    HclParsing.Result r = HclParsing.parse(text, "main.tf");
    assertNotNull(r);
    int lines = (int) text.chars().filter(c -> c == '\n').count() + 1;
    if (r.file() == null) {
      assertPosition(r.error(), lines);
    } else {
      r.recovered().forEach(e -> assertPosition(e, lines));
    }
  }

  private static void checkJson(String text) throws Exception {
    Path dir = Files.createTempDirectory(work, "state");
    Files.writeString(dir.resolve("terraform.tfstate"), text, StandardCharsets.UTF_8);
    CollectContext ctx = new CollectContext(CollectOptions.defaults(), Knowledge.load(), new Redactor(), CollectEvents.NONE);
    Fragment f = COLLECTOR.collect(Target.parse(dir.toString()), ctx);
    int lines = (int) text.chars().filter(c -> c == '\n').count() + 1;
    for (Problem p : f.problems) {
      assertEquals("terraform.tfstate", p.what());
      // Valid JSON of another shape is rejected as a whole file; anything that does not read says where.
      if (p.reason().startsWith("not a Terraform state")) continue;
      assertPosition(p.reason().replaceFirst("^not (valid JSON|read): ", ""), lines);
    }
  }

  private static void assertPosition(String error, int lines) {
    Matcher m = POSITION.matcher(error);
    assertTrue(m.matches(), "no line:col in: " + error);
    int line = Integer.parseInt(m.group(1));
    assertTrue(line >= 1 && line <= lines, "line " + line + " outside the text (" + lines + " lines): " + error);
    assertTrue(Integer.parseInt(m.group(2)) >= 1, error);
  }

  @Provide
  Arbitrary<String> hclish() {
    // Characters HCL gives meaning to, so random text reaches deep into the grammar, plus any char.
    Arbitrary<String> tokens = Arbitraries.of("resource", "\"aws_vpc\"", "\"main\"", "{", "}", "[", "]", "(", ")", "=", "\n",
        " ", "\"", "${", "%{", "<<EOF\n", "EOF", "var.x", ".", ",", ":", "?", "#", "//", "/*", "*/", "for", "in", "=>",
        "...", "1", "0.5", "true", "null", "\\", "-", "!", "&&");
    Arbitrary<String> structured = tokens.list().ofMaxSize(60).map(l -> String.join("", l));
    return Arbitraries.oneOf(structured, Arbitraries.strings().ofMaxLength(200));
  }

  @Provide
  Arbitrary<String> jsonish() {
    Arbitrary<String> tokens = Arbitraries.of("{", "}", "[", "]", ":", ",", "\"version\"", "4", "\"resources\"",
        "\"format_version\"", "\"values\"", "\"mode\"", "\"managed\"", "\"instances\"", "\"attributes\"", "null", "true",
        "1e999999", "-", "\"", "\\u00", "\n", " ");
    Arbitrary<String> structured = tokens.list().ofMaxSize(60).map(l -> String.join("", l));
    return Arbitraries.oneOf(structured, Arbitraries.strings().ofMaxLength(120));
  }

  @Provide
  Arbitrary<String> tfJsonish() {
    Arbitrary<String> tokens = Arbitraries.of("{", "}", "[", "]", ":", ",", "\"resource\"", "\"aws_vpc\"", "\"main\"",
        "\"variable\"", "\"locals\"", "\"module\"", "\"dynamic\"", "\"content\"", "\"lifecycle\"", "\"tags\"",
        "\"${var.x}\"", "\"${\"", "\"}\"", "\"$${x}\"", "\"%{ if x }\"", "\"a\\\"b\"", "\"//\"", "1", "null", "true", "\n", " ");
    Arbitrary<String> structured = tokens.list().ofMaxSize(60).map(l -> String.join("", l));
    return Arbitraries.oneOf(structured, Arbitraries.strings().ofMaxLength(120));
  }

  @Provide
  Arbitrary<String> brokenTfJson() {
    return broken(List.of("json-syntax/input/main.tf.json", "json-syntax/input/modules/web/main.tf.json"));
  }

  @Provide
  Arbitrary<String> brokenTf() {
    return broken(List.of("aws-three-tier/input/main.tf", "aws-three-tier/input/alb.tf", "aws-three-tier/input/compute.tf",
        "broken/input/templates.tf", "gcp/input/main.tf"));
  }

  @Provide
  Arbitrary<String> brokenJson() {
    return broken(List.of("state/input/terraform.tfstate", "state/input/plan.json"));
  }

  static Arbitrary<String> broken(List<String> fixtures) {
    return BrokenText.of(FIXTURES, fixtures, '{', '}', '"', '[', ']', '=', '\n', '$', '%', ',', ':', 'x', '\\', '\u0000');
  }

  private static String read(String name) {
    return BrokenText.read(FIXTURES.resolve(name));
  }

  @net.jqwik.api.Example
  void fixtures_parse_whenUntouched() {
    // The generators start from files that do parse: otherwise "rejects with a position" proves little.
    for (String f : List.of("aws-three-tier/input/main.tf", "aws-three-tier/input/alb.tf", "gcp/input/main.tf")) {
      assertNotNull(HclParsing.parse(read(f), f).file(), f);
    }
    assertEquals(null, HclParsing.parse("resource \"a\" \"b\" {\n", "x.tf").file());
    for (String f : List.of("json-syntax/input/main.tf.json", "json-syntax/input/modules/web/main.tf.json")) {
      assertNotNull(TfJson.parse(read(f), f, ResourceTypes.jsonMapAttributes()).file(), f);
    }
  }
}
