package dev.infradoc.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A scan as an unprivileged user still writes the documents, and says what it could not read
 * because it was not root. Runs the built jar as the user 'nobody' (the launcher would try to
 * rebuild into a folder nobody may write).
 */
class NonRootScanIT {

  @Test
  void scanLocal_asNobody_reportsWhatNeededRoot() throws Exception {
    Path jar = Path.of("target/infradoc.jar").toAbsolutePath();
    assertThat(jar).as("built by the package phase before integration tests").exists();
    Path out = Files.createTempDirectory("infradoc-it-nonroot");
    Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxrwxrwx"));
    try {
      List<String> command = new ArrayList<>(List.of("runuser", "-u", "nobody", "--", "java", "-jar", jar.toString(),
          "scan", "--no-store", "local", "--out", out.resolve("docs").toString()));
      TestHost.Run run = TestHost.Run.of(command, Duration.ofSeconds(120));
      assertThat(run.exitCode()).as("exit code; stderr:%n%s", run.stderr()).isZero();
      JsonNode model = new ObjectMapper().readTree(out.resolve("docs/model.json").toFile());
      List<String> problems = new ArrayList<>();
      model.path("problems").forEach(p -> problems.add(p.path("what").asText() + " | " + p.path("reason").asText()
          + " | " + p.path("hint").asText()));
      assertThat(problems).as("problems of a non-root scan").anySatisfy(p -> assertThat(p)
          .contains("working directory or executable").contains("permission denied")
          .contains("run the scan as root or with --sudo"));
      String architecture = Files.readString(out.resolve("docs/architecture.md"));
      assertThat(architecture).contains("### What could not be read").contains("run the scan as root or with --sudo");
    } finally {
      HostScanIT.deleteTree(out);
    }
  }

  @Test
  void scanLocal_withSudoThatNeedsAPassword_failsWithOneClearLine() throws Exception {
    Path jar = Path.of("target/infradoc.jar").toAbsolutePath();
    Path out = Files.createTempDirectory("infradoc-it-nonroot-sudo");
    Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxrwxrwx"));
    try {
      TestHost.Run run = TestHost.Run.of(List.of("runuser", "-u", "nobody", "--", "java", "-jar", jar.toString(),
          "scan", "--no-store", "local", "--sudo", "--out", out.resolve("docs").toString()), Duration.ofSeconds(120));
      assertThat(run.exitCode()).as("nothing collected").isEqualTo(3);
      assertThat(run.stderr()).contains("local: the probe printed nothing it could read")
          .contains("sudo -n was refused");
      assertThat(out.resolve("docs")).doesNotExist();
    } finally {
      HostScanIT.deleteTree(out);
    }
  }
}
