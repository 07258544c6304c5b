package dev.infradoc.redact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.infradoc.testing.SecretCorpus;
import dev.infradoc.testing.SecretCorpus.Sample;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every line-local sample of the secret corpus is removed by the redactor method its collector
 * uses. Samples whose secrecy needs the file's structure (Kubernetes Secret data, a container
 * env entry's value line) are the collector's to hide and are checked end to end by SecretsScanIT.
 */
class RedactorCorpusTest {
  private final Redactor r = new Redactor();

  static Stream<Sample> lineLocal() {
    return SecretCorpus.all().stream().filter(s -> !needsStructure(s));
  }

  static boolean needsStructure(Sample s) {
    return s.form().equals("sensitive variable default") || s.where().equals("k8s") && (s.form().startsWith("Secret data") || s.form().equals("env value literal")
        || s.form().equals("dockerconfigjson"));
  }

  @Test
  void corpus_hasAtLeastAHundredSamples_acrossHostsAndRepositories() {
    List<Sample> all = SecretCorpus.all();
    assertThat(all).hasSizeGreaterThanOrEqualTo(100);
    assertThat(all).extracting(Sample::where).contains("cmdline", "env", "nginx", "cron", "unit", "manifest",
        "compose", "k8s", "terraform", "tfvars", "tfstate");
    assertThat(all).extracting(Sample::secret).doesNotHaveDuplicates();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lineLocal")
  void redactor_removesSample(Sample s) {
    String out = switch (s.where()) {
      case "cmdline" -> r.commandLine(s.text().startsWith("-") ? "/usr/bin/app " + s.planted() : s.planted());
      case "env" -> r.envValue(s.name(), s.envValue());
      default -> r.text(s.planted());
    };
    assertThat(SecretCorpus.leaks(out, List.of(s))).as(out).isEmpty();
    assertThat(out).contains("[redacted: ");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lineLocal")
  void redactor_isIdempotent(Sample s) {
    String once = r.commandLine(s.planted());
    assertThat(r.commandLine(once)).isEqualTo(once);
  }
}
