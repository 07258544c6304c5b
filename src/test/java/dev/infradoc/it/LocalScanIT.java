package dev.infradoc.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Smoke test of the real launcher on the machine running the tests: `./infradoc scan local`. */
class LocalScanIT {

  @Test
  void scanLocal_exitsZeroAndWritesTheThreeDocuments() throws Exception {
    Path out = Files.createTempDirectory("infradoc-it-local");
    try {
      TestHost.Run run = TestHost.Run.of(List.of("./infradoc", "scan", "--no-store", "local", "--out", out.toString()),
          Duration.ofSeconds(120));
      assertThat(run.exitCode()).as("exit code; stderr:%n%s", run.stderr()).isZero();
      for (String file : List.of("architecture.md", "diagrams.md", "model.json")) {
        assertThat(out.resolve(file)).isNotEmptyFile();
      }
      JsonNode model = new ObjectMapper().readTree(out.resolve("model.json").toFile());
      assertThat(model.path("schemaVersion").asInt()).isEqualTo(1);
      assertThat(model.path("hosts")).hasSize(1);
      // This JVM itself runs on the scanned machine, so at least one component must exist.
      assertThat(model.path("components")).isNotEmpty();
    } finally {
      HostScanIT.deleteTree(out);
    }
  }
}
