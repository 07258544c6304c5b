package dev.infradoc.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.infradoc.model.Component;
import dev.infradoc.model.ComponentKind;
import dev.infradoc.model.Evidence;
import dev.infradoc.model.Model;
import dev.infradoc.model.Source;
import dev.infradoc.render.json.ModelJson;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The team history store against a real PostgreSQL 15 (Debian's), started on loopback for this test. */
class PostgresHistoryStoreIT {
  private static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
  private static final String PASSWORD = "s3cret-Pw-" + Long.toHexString(System.nanoTime());
  private static final String WEB = TargetsKey.of(List.of("root@web01"));
  private static final String FLEET = TargetsKey.of(List.of("root@web01", "root@db01"));

  private static Path dir;
  private static Process server;
  private static String url;

  @BeforeAll
  static void startPostgres() throws Exception {
    if (!"root".equals(System.getProperty("user.name"))) {
      throw new IllegalStateException("this test starts PostgreSQL as the postgres user; run it as root");
    }
    dir = Files.createTempDirectory("infradoc-pg-");
    Files.writeString(dir.resolve("pw"), PASSWORD + "\n");
    run(List.of("chown", "-R", "postgres:postgres", dir.toString()));
    // setpriv execs (runuser would fork), so the process we hold is the postmaster and we stop it by its PID.
    run(asPostgres(BIN.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", "postgres",
        "--auth=scram-sha-256", "--pwfile=" + dir.resolve("pw"), "-E", "UTF8", "--no-sync"));
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    server = new ProcessBuilder(asPostgres(BIN.resolve("postgres").toString(), "-D", dir.resolve("data").toString(),
        "-h", "127.0.0.1", "-p", String.valueOf(port), "-k", dir.toString(), "-c", "fsync=off"))
        .redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      try (Socket ignored = new Socket("127.0.0.1", port)) {
        break;
      } catch (IOException notYet) {
        if (!server.isAlive() || System.nanoTime() > deadline) {
          throw new IllegalStateException("PostgreSQL did not start: " + Files.readString(dir.resolve("server.log")));
        }
        Thread.sleep(100);
      }
    }
    url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    if (server != null) {
      server.destroy(); // SIGTERM to the postmaster's PID: smart shutdown, our connections are closed
      if (!server.waitFor(30, TimeUnit.SECONDS)) {
        server.destroyForcibly();
        server.waitFor(10, TimeUnit.SECONDS);
      }
    }
    if (dir != null) {
      try (Stream<Path> left = Files.walk(dir)) {
        left.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Test
  void store_keepsTwoScans_andReadsTheLastTwoBackAsSaved() throws IOException {
    PostgresHistoryStore store = PostgresHistoryStore.open(url, Map.of(PostgresHistoryStore.PASSWORD_ENV, PASSWORD));
    Model first = model("2026-06-01T10:00:00Z", 2);
    Model second = model("2026-06-02T10:00:00Z", 3);
    store.save(WEB, second);
    store.save(WEB, first); // saved out of order: listing goes by generatedAt
    store.save(FLEET, model("2026-06-03T10:00:00Z", 5));

    List<StoredScan> two = store.lastTwo(WEB);
    assertThat(two).extracting(StoredScan::generatedAt).containsExactly("2026-06-01T10:00:00Z", "2026-06-02T10:00:00Z");
    assertThat(two).extracting(StoredScan::components).containsExactly(2, 3);
    assertThat(two.get(0).sources()).containsExactly("ssh://root@web01");
    assertThat(ModelJson.write(store.model(two.get(0)))).isEqualTo(ModelJson.write(first));
    assertThat(ModelJson.write(store.model(two.get(1)))).isEqualTo(ModelJson.write(second));
    assertThat(store.list(FLEET)).singleElement().extracting(StoredScan::components).isEqualTo(5);
  }

  @Test
  void save_numbersScansOfTheSameSecond_likeTheFileStore() throws IOException {
    PostgresHistoryStore store = PostgresHistoryStore.open(url, Map.of(PostgresHistoryStore.PASSWORD_ENV, PASSWORD));
    String key = TargetsKey.of(List.of("root@same-second"));
    StoredScan a = store.save(key, model("2026-07-01T00:00:00Z", 1));
    StoredScan b = store.save(key, model("2026-07-01T00:00:00Z", 4));
    assertThat(a.file().toString()).isEqualTo("2026-07-01T00-00-00Z.model.json");
    assertThat(b.file().toString()).isEqualTo("2026-07-01T00-00-00Z-2.model.json");
    assertThat(store.lastTwo(key)).extracting(StoredScan::components).containsExactly(1, 4);
    assertThat(store.model(store.lastTwo(key).get(1)).components()).hasSize(4);
  }

  @Test
  void open_refusesAPasswordInTheUrl_withoutRepeatingIt() {
    String withPassword = url + "&password=" + PASSWORD;
    assertThatThrownBy(() -> PostgresHistoryStore.open(withPassword, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(PostgresHistoryStore.PASSWORD_ENV)
        .hasMessageNotContaining(PASSWORD);
    assertThatThrownBy(() -> PostgresHistoryStore.open("jdbc:postgresql://postgres:" + PASSWORD + "@127.0.0.1/x", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining(PASSWORD);
  }

  @Test
  void aWrongPassword_failsWithTheServersReason_andShowsNeitherPasswordNorParameters() {
    String wrong = PASSWORD + "-wrong";
    PostgresHistoryStore store = PostgresHistoryStore.open(url, Map.of(PostgresHistoryStore.PASSWORD_ENV, wrong));
    assertThat(store.describe()).doesNotContain("?").doesNotContain("user=");
    assertThatThrownBy(() -> store.list(WEB))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("history store " + store.describe())
        .hasMessageContaining("password authentication failed")
        .hasMessageNotContaining(wrong)
        .hasMessageNotContaining(PASSWORD);
  }

  @Test
  void cli_scansIntoPostgres_thenDiffAndHistoryReadTheLastTwoScans_withoutShowingThePassword() throws Exception {
    Path repo = dir.resolve("repo");
    Files.createDirectories(repo);
    Files.writeString(repo.resolve("compose.yaml"), "services:\n  web:\n    image: nginx:1.25\n    ports: [\"8080:80\"]\n");
    String storeUrl = url + "&connectTimeout=5";
    Cli first = cli("scan", repo.toString(), "--store", storeUrl, "--format", "json", "--out", dir.resolve("out1").toString());
    assertThat(first.code).as(first.output).isZero();
    assertThat(first.output).contains("kept this scan as ").contains("in jdbc:postgresql://127.0.0.1:");
    Thread.sleep(1100); // generatedAt has one-second resolution; a later second makes the order plain
    Files.writeString(repo.resolve("compose.yaml"), "services:\n  web:\n    image: nginx:1.27\n    ports: [\"8080:80\"]\n"
        + "  cache:\n    image: redis:7\n");
    Cli second = cli("scan", repo.toString(), "--store", storeUrl, "--format", "json", "--out", dir.resolve("out2").toString());
    assertThat(second.code).as(second.output).isZero();

    Cli diff = cli("diff", "--store", storeUrl, "--targets", repo.toString(), "--out", dir.resolve("drift").toString());
    assertThat(diff.code).as(diff.output).isEqualTo(1); // something drifted
    String drift = Files.readString(dir.resolve("drift/drift.md"));
    assertThat(drift).contains("cache").contains("1.27");
    Cli history = cli("history", "--store", storeUrl, "--targets", repo.toString());
    assertThat(history.code).as(history.output).isZero();
    assertThat(history.output.lines().filter(l -> l.endsWith(".model.json"))).hasSize(2);
    for (Cli c : List.of(first, second, diff, history)) {
      assertThat(c.output).doesNotContain(PASSWORD).doesNotContain("connectTimeout").doesNotContain("user=");
    }
  }

  private record Cli(int code, String output) {}

  /** Runs the built jar as a user would, the password in the environment only. */
  private static Cli cli(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", Path.of("target/infradoc.jar").toAbsolutePath().toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put(PostgresHistoryStore.PASSWORD_ENV, PASSWORD);
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("infradoc " + String.join(" ", args) + " did not finish: " + output);
    }
    return new Cli(p.exitValue(), output);
  }

  private static Model model(String at, int components) {
    List<Component> cs = new ArrayList<>();
    for (int i = 0; i < components; i++) {
      cs.add(new Component("host:web01/c" + i, "c" + i, ComponentKind.APPLICATION, "", "", "host:web01", "ssh://root@web01",
          1, "", "", List.of(), Map.of(), List.of(Evidence.of("ssh://root@web01", "ps#" + i, ""))));
    }
    return new Model(1, new Model.GeneratedBy("infradoc", "test"), at, List.of(new Source("ssh://root@web01", "host", "root@web01")),
        List.of(), cs, List.of(), List.of(), List.of(), List.of(), List.of());
  }

  private static List<String> asPostgres(String... command) {
    List<String> out = new ArrayList<>(List.of("setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups", "--"));
    out.addAll(List.of(command));
    return out;
  }

  private static void run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
    }
  }
}
