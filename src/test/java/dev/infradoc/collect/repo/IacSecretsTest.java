package dev.infradoc.collect.repo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.infradoc.collect.CollectContext;
import dev.infradoc.collect.CollectEvents;
import dev.infradoc.collect.CollectOptions;
import dev.infradoc.collect.Collector;
import dev.infradoc.collect.Target;
import dev.infradoc.knowledge.Knowledge;
import dev.infradoc.redact.Redactor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The secrets written into the golden fixtures must not reach any fragment, in any field. */
class IacSecretsTest {
  /** Values the fixtures contain as passwords, keys and tokens (and that the fixtures really contain). */
  private static final List<String> SECRETS = List.of(
      "dj-insecure-8f2a9c41d7",           // compose-shop: SECRET_KEY
      "s3cr3t-redis-pw",                  // compose-shop: redis --requirepass
      "changeme",                         // compose-shop: default of ${POSTGRES_PASSWORD:-changeme}
      "Sup3r-S3cret-Pg-Passw0rd",         // k8s-shop: Secret stringData
      "b1946ac92492d2347c6235b4d2611184"  // k8s-shop: SESSION_SECRET value
  );

  static List<String> cases() throws Exception {
    return IacGoldenTest.cases().toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void collect_neverOutputsASecretValue_fromAGoldenInput(String name) throws Exception {
    Path input = Path.of("src/test/resources/golden/iac", name, "input");
    String fixture = readAll(input);
    Target target = Target.parse(input.toString());
    CollectContext context = new CollectContext(CollectOptions.defaults(), Knowledge.load(), new Redactor(), CollectEvents.NONE);
    StringBuilder json = new StringBuilder();
    for (Collector c : List.of(new dev.infradoc.collect.compose.ComposeCollector(),
        new dev.infradoc.collect.kubernetes.KubernetesCollector(), new dev.infradoc.collect.actions.ActionsCollector())) {
      if (c.supports(target)) json.append(IacGoldenTest.mapper().writeValueAsString(IacGoldenTest.sorted(c.collect(target, context))));
    }
    for (String secret : SECRETS) {
      if (fixture.contains(secret)) assertThat(json.toString()).as("secret from the fixture").doesNotContain(secret);
    }
  }

  private static String readAll(Path dir) throws Exception {
    StringBuilder sb = new StringBuilder();
    try (var files = Files.walk(dir)) {
      for (Path p : files.filter(Files::isRegularFile).sorted().toList()) sb.append(Files.readString(p));
    }
    return sb.toString();
  }
}
