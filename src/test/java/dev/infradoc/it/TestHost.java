package dev.infradoc.it;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A real test host in network namespaces, brought up and taken down by src/test/stack/{up,down}.sh. */
final class TestHost implements AutoCloseable {
  private static final Path STACK = Path.of("src/test/stack");

  private final String name;
  private final Map<String, String> env;

  private TestHost(String name, Map<String, String> env) {
    this.name = name;
    this.env = env;
  }

  /** Runs up.sh NAME INDEX and parses the KEY=VALUE lines it prints. */
  static TestHost up(String name, int index) throws IOException, InterruptedException {
    return up(name, index, List.of(), Map.of());
  }

  /** Runs up.sh NAME INDEX PROFILE-ARGS... with extra environment (e.g. a fleet profile: --web DBADDR). */
  static TestHost up(String name, int index, List<String> profile, Map<String, String> environment)
      throws IOException, InterruptedException {
    if (!"root".equals(System.getProperty("user.name"))) {
      throw new IllegalStateException("test hosts need root (network namespaces); run scripts/test as root");
    }
    List<String> command = new java.util.ArrayList<>(List.of(STACK.resolve("up.sh").toString(), name, String.valueOf(index)));
    command.addAll(profile);
    Run run = Run.of(command, Duration.ofSeconds(60), environment);
    if (run.exitCode() != 0) {
      throw new IllegalStateException("up.sh failed (" + run.exitCode() + "):\n" + run.stderr());
    }
    Map<String, String> env = new HashMap<>();
    for (String line : run.stdout().split("\n")) {
      int eq = line.indexOf('=');
      if (line.startsWith("STACK_") && eq > 0) env.put(line.substring(0, eq), line.substring(eq + 1));
    }
    return new TestHost(name, env);
  }

  String get(String key) {
    String value = env.get(key);
    if (value == null) throw new IllegalStateException("up.sh printed no " + key);
    return value;
  }

  String address() {
    return get("STACK_HOST");
  }

  String sshKey() {
    return get("STACK_SSH_KEY");
  }

  String knownHosts() {
    return get("STACK_KNOWN_HOSTS");
  }

  String postgresPassword() {
    return get("STACK_PG_PASSWORD");
  }

  /** Runs a command on the host over OpenSSH (the reference client), for cross-checks. */
  String ssh(String command) throws IOException, InterruptedException {
    Run run = Run.of(List.of("ssh", "-i", sshKey(), "-o", "UserKnownHostsFile=" + knownHosts(),
        "-o", "StrictHostKeyChecking=yes", "-o", "BatchMode=yes", "root@" + address(), command),
        Duration.ofSeconds(30));
    if (run.exitCode() != 0) throw new IllegalStateException("ssh failed: " + run.stderr());
    return run.stdout();
  }

  @Override
  public void close() throws IOException, InterruptedException {
    Run.of(List.of(STACK.resolve("down.sh").toString(), name), Duration.ofSeconds(60));
  }

  /** One finished command: exit code and both outputs (written to files, so no pipe can fill). */
  record Run(int exitCode, String stdout, String stderr) {
    static Run of(List<String> command, Duration timeout) throws IOException, InterruptedException {
      return of(command, timeout, Map.of());
    }

    static Run of(List<String> command, Duration timeout, Map<String, String> environment)
        throws IOException, InterruptedException {
      Path out = Files.createTempFile("infradoc-it", ".out");
      Path err = Files.createTempFile("infradoc-it", ".err");
      try {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(environment);
        Process p = pb
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          p.destroyForcibly().waitFor();
          throw new IllegalStateException("timed out after " + timeout + ": " + command);
        }
        return new Run(p.exitValue(),
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    }
  }
}
