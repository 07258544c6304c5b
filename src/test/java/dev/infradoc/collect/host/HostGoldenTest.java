package dev.infradoc.collect.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.infradoc.collect.CollectContext;
import dev.infradoc.collect.CollectEvents;
import dev.infradoc.collect.CollectOptions;
import dev.infradoc.collect.Target;
import dev.infradoc.knowledge.Knowledge;
import dev.infradoc.model.Model;
import dev.infradoc.model.ModelBuilder;
import dev.infradoc.analyze.Analyzer;
import dev.infradoc.pipeline.Documents;
import dev.infradoc.pipeline.RunInfo;
import dev.infradoc.redact.Redactor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden tests over probe output recorded from real hosts: each folder under golden/host has
 * input/round1.out (and round2, .err) and expected/{model.json,architecture.md,diagrams.md}.
 * A missing side fails. {@code -Dgolden.update=true} rewrites the expected files for review.
 */
class HostGoldenTest {
  private static final Path ROOT = Path.of("src/test/resources/golden/host");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  static Stream<String> cases() throws IOException {
    try (Stream<Path> dirs = Files.list(ROOT)) {
      return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void documents_matchExpected_forRecordedHost(String name) throws Exception {
    Path dir = ROOT.resolve(name);
    assertThat(dir.resolve("input/round1.out")).as("input side of " + name).exists();
    Map<String, String> files = render(dir.resolve("input"));
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path expected = dir.resolve("expected").resolve(f.getKey());
      if (UPDATE) {
        Files.createDirectories(expected.getParent());
        Files.writeString(expected, f.getValue());
      }
      assertThat(expected).as("expected side of " + name).exists();
      assertThat(f.getValue()).as(name + "/" + f.getKey()).isEqualTo(Files.readString(expected));
    }
    assertThat(render(dir.resolve("input"))).as("a second run gives the same bytes").isEqualTo(files);
  }

  @ParameterizedTest
  @MethodSource("cases")
  void documents_containNoRecordedSecret(String name) throws Exception {
    Path input = ROOT.resolve(name).resolve("input");
    List<String> secrets = secretsIn(input);
    if (Files.exists(input.resolve("round2.out")) && Files.readString(input.resolve("round2.out")).contains("_URL=")) {
      assertThat(secrets).as("the recorded environments carry a password to look for").isNotEmpty();
    }
    for (String doc : render(input).values()) {
      for (String secret : secrets) assertThat(doc).doesNotContain(secret);
    }
  }

  /** Passwords the recorded environments carry in connection strings and *PASSWORD* variables. */
  private static List<String> secretsIn(Path input) throws IOException {
    Path round2 = input.resolve("round2.out");
    if (!Files.exists(round2)) return List.of();
    String text = Files.readString(round2);
    Matcher url = Pattern.compile("://[^:/@\\s]+:([^@\\s]+)@").matcher(text);
    Matcher var = Pattern.compile("(?m)^[A-Z_]*(PASSWORD|SECRET|TOKEN)[A-Z_]*=(.+)$").matcher(text);
    java.util.ArrayList<String> found = new java.util.ArrayList<>();
    while (url.find()) found.add(url.group(1));
    while (var.find()) found.add(var.group(2));
    return found;
  }

  static Map<String, String> render(Path input) throws Exception {
    CollectContext context = new CollectContext(CollectOptions.defaults(), Knowledge.load(), new Redactor(), CollectEvents.NONE);
    HostCollector collector = new HostCollector((t, o, e) -> new RecordedShell(input));
    Model model = new ModelBuilder().add(collector.collect(Target.parse("ssh://root@recorded-host"), context))
        .build(new Model.GeneratedBy("infradoc", "test"), "2026-01-01T00:00:00Z");
    model = new Analyzer().analyze(model);
    return Documents.render(model, new RunInfo("2026-01-01T00:00:00Z", List.of()));
  }
}
