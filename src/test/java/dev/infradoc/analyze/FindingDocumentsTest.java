package dev.infradoc.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.infradoc.collect.CollectContext;
import dev.infradoc.collect.CollectEvents;
import dev.infradoc.collect.CollectOptions;
import dev.infradoc.collect.Target;
import dev.infradoc.collect.terraform.TerraformCollector;
import dev.infradoc.knowledge.Knowledge;
import dev.infradoc.model.Finding;
import dev.infradoc.model.Model;
import dev.infradoc.model.ModelBuilder;
import dev.infradoc.pipeline.Documents;
import dev.infradoc.pipeline.RunInfo;
import dev.infradoc.redact.Redactor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The documents findings appear in, over real fixtures (Terraform repositories and the recorded host):
 * every recommendation links a finding that exists; findings.sarif has SARIF 2.1.0's required structure;
 * security.md and findings.sarif match their golden files (-Dgolden.update=true rewrites them).
 */
class FindingDocumentsTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden-findings");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  static Stream<String> fixtures() {
    return Stream.of("aws-three-tier", "state", "insecure");
  }

  static Map<String, String> render(String fixture) throws Exception {
    Path input = fixture.equals("insecure") ? GOLDEN.resolve("insecure/input") : Path.of("src/test/resources/golden-terraform", fixture, "input");
    CollectContext context = new CollectContext(CollectOptions.defaults(), Knowledge.load(), new Redactor(), CollectEvents.NONE);
    Model model = new ModelBuilder().add(new TerraformCollector().collect(Target.parse(input.toString()), context))
        .build(new Model.GeneratedBy("infradoc", "test"), "2026-11-21T00:00:00Z");
    model = new Analyzer().analyze(model);
    return Documents.render(model, new RunInfo("2026-11-21T00:00:00Z", List.of()));
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void securityAndSarif_matchGolden(String fixture) throws Exception {
    Map<String, String> docs = render(fixture);
    for (String name : List.of("security.md", "findings.sarif")) {
      Path expected = GOLDEN.resolve(fixture).resolve("expected").resolve(name);
      if (UPDATE) {
        Files.createDirectories(expected.getParent());
        Files.writeString(expected, docs.get(name));
      }
      assertThat(docs.get(name)).as(fixture + "/" + name).isEqualTo(Files.readString(expected));
    }
    assertThat(render(fixture)).as("same input, same bytes").isEqualTo(docs);
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void everyRecommendation_linksAFindingThatExists(String fixture) throws Exception {
    Map<String, String> docs = render(fixture);
    String md = docs.get("architecture.md");
    Set<String> anchors = new HashSet<>();
    Matcher a = Pattern.compile("<a id=\"([^\"]+)\"></a>").matcher(md);
    while (a.find()) anchors.add(a.group(1));
    String recs = md.substring(md.indexOf("## Recommendations"), md.indexOf("## Findings"));
    List<String> lines = recs.lines().filter(l -> l.matches("\\d+\\. .*")).toList();
    JsonNode model = new ObjectMapper().readTree(docs.get("model.json"));
    long open = 0;
    for (JsonNode f : model.get("findings")) if (!f.has("accepted")) open++;
    assertThat(lines).as("one recommendation per open finding").hasSize((int) open);
    for (String l : lines) {
      Matcher m = Pattern.compile("\\(\\w+, from \\[.*]\\(#([^)]+)\\)\\)$").matcher(l);
      assertThat(m.find()).as("links a finding: " + l).isTrue();
      assertThat(anchors).as("anchor of " + l).contains(m.group(1));
    }
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void sarif_hasRequiredStructure(String fixture) throws Exception {
    JsonNode sarif = new ObjectMapper().readTree(render(fixture).get("findings.sarif"));
    assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
    assertThat(sarif.path("$schema").asText()).contains("sarif-2.1.0");
    assertThat(sarif.path("runs").isArray()).isTrue();
    JsonNode run = sarif.path("runs").get(0);
    JsonNode driver = run.path("tool").path("driver");
    assertThat(driver.path("name").asText()).isNotEmpty();
    Set<String> ruleIds = new HashSet<>();
    for (JsonNode r : driver.path("rules")) {
      assertThat(r.path("id").asText()).isNotEmpty();
      assertThat(r.path("shortDescription").path("text").asText()).isNotEmpty();
      assertThat(r.path("defaultConfiguration").path("level").asText()).isIn("error", "warning", "note");
      ruleIds.add(r.path("id").asText());
    }
    assertThat(ruleIds).isEqualTo(Analyzer.ruleIds());
    assertThat(run.path("results").isArray()).isTrue();
    for (JsonNode r : run.path("results")) {
      assertThat(ruleIds).contains(r.path("ruleId").asText());
      assertThat(driver.path("rules").get(r.path("ruleIndex").asInt()).path("id").asText()).isEqualTo(r.path("ruleId").asText());
      assertThat(r.path("message").path("text").asText()).isNotEmpty();
      assertThat(r.path("level").asText()).isIn("error", "warning", "note");
      assertThat(r.path("locations").size()).isPositive();
      for (JsonNode loc : r.path("locations")) {
        JsonNode phys = loc.path("physicalLocation");
        assertThat(phys.path("artifactLocation").path("uri").asText()).isNotEmpty().doesNotContain("\\");
        assertThat(phys.path("region").path("startLine").asInt()).isPositive();
      }
    }
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void sarif_listsOnlyFindingsLocatedInFiles(String fixture) throws Exception {
    Map<String, String> docs = render(fixture);
    Model model = dev.infradoc.render.json.ModelJson.read(docs.get("model.json"));
    JsonNode results = new ObjectMapper().readTree(docs.get("findings.sarif")).path("runs").get(0).path("results");
    long located = model.findings().stream().filter(f -> f.evidence().stream().anyMatch(e -> e.locator().matches(".+:\\d+"))).count();
    assertThat(results.size()).isEqualTo((int) located);
    for (Finding f : model.findings()) {
      assertThat(docs.get("security.md")).contains(f.id().isEmpty() ? "?" : dev.infradoc.render.markdown.Markdown.anchor(f.id()));
    }
  }
}
