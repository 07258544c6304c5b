package dev.infradoc.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scans a real test host (sshd, nginx, gunicorn with 2 workers, worker.py, PostgreSQL, Redis,
 * cron in network namespaces; see src/test/stack) with the real launcher, as a user would, and
 * checks model.json against what runs there.
 */
class HostScanIT {
  private static final int INDEX = 41;   // src/test/stack/README.md lists the indexes in use
  private static final String NAME = "itscan";

  private static TestHost host;
  private static Path out;
  private static TestHost.Run scan;
  private static JsonNode model;

  @BeforeAll
  static void scanTestHost() throws Exception {
    host = TestHost.up(NAME, INDEX);
    out = Files.createTempDirectory("infradoc-it-host");
    scan = TestHost.Run.of(List.of("./infradoc", "scan", "--no-store", "ssh://root@" + host.address(),
        "-i", host.sshKey(), "--known-hosts", host.knownHosts(), "--out", out.toString()),
        Duration.ofSeconds(120));
    Path json = out.resolve("model.json");
    model = Files.exists(json) ? new ObjectMapper().readTree(json.toFile()) : null;
  }

  @AfterAll
  static void takeDown() throws Exception {
    if (host != null) host.close();
    if (out != null) deleteTree(out);
  }

  @Test
  void scan_exitsZeroAndWritesTheThreeDocuments() {
    assertThat(scan.exitCode()).as("exit code; stderr:%n%s", scan.stderr()).isZero();
    for (String file : List.of("architecture.md", "diagrams.md", "model.json")) {
      assertThat(out.resolve(file)).isNotEmptyFile();
    }
    assertThat(model.path("hosts")).hasSize(1);
    assertThat(model.path("hosts").get(0).path("hostname").asText()).isEqualTo(NAME);
  }

  @Test
  void scan_findsNginxAsWebServer_listeningOnTheHostAddress() {
    JsonNode nginx = component("nginx");
    assertThat(nginx.path("kind").asText()).isEqualTo("web-server");
    assertThat(listens(nginx)).contains(host.address() + ":80");
  }

  @Test
  void scan_findsGunicornAsApplicationWithTwoWorkers_whenItHasTwoChildren() throws Exception {
    JsonNode gunicorn = component("gunicorn");
    assertThat(gunicorn.path("kind").asText()).isEqualTo("application");
    assertThat(gunicorn.path("attributes").path("workers").asText()).isEqualTo("2");
    assertThat(listens(gunicorn)).contains("127.0.0.1:8000");
    // Cross-check with the host itself: two gunicorn processes whose parent is a gunicorn.
    String ps = host.ssh("ps -eo pid=,ppid=,args=");
    assertThat(childrenOf(ps, "gunicorn")).isEqualTo(2);
  }

  @Test
  void scan_findsPostgresAsDatabaseAndRedisAsCache() {
    JsonNode postgres = component("postgresql");
    assertThat(postgres.path("kind").asText()).isEqualTo("database");
    assertThat(listens(postgres)).contains("127.0.0.1:5432");
    assertThat(postgres.path("runsAs").asText()).isEqualTo("postgres");
    JsonNode redis = component("redis");
    assertThat(redis.path("kind").asText()).isEqualTo("cache");
    assertThat(listens(redis)).contains("127.0.0.1:6379");
    assertThat(redis.path("runsAs").asText()).isEqualTo("redis");
  }

  @Test
  void scan_findsWorkerPyAsWorker_becauseItListensOnNothing() {
    JsonNode worker = worker();
    assertThat(worker.path("kind").asText()).isEqualTo("worker");
    assertThat(worker.path("listens")).isEmpty();
    assertThat(worker.path("runsAs").asText()).isEqualTo("www-data");
  }

  @Test
  void scan_findsSshdAndCronAsSystemDaemons() {
    JsonNode sshd = component("openssh");
    assertThat(sshd.path("kind").asText()).isEqualTo("system");
    assertThat(listens(sshd)).contains(host.address() + ":22");
    assertThat(component("cron").path("kind").asText()).isEqualTo("system");
  }

  @Test
  void scan_findsNginxProxyingToGunicornOnPort8000() {
    List<JsonNode> edges = edges(component("nginx"), component("gunicorn"));
    assertThat(edges).as("nginx -> gunicorn edges").isNotEmpty();
    assertThat(edges).allSatisfy(e -> assertThat(e.path("port").asInt()).isEqualTo(8000));
    assertThat(edges).extracting(e -> e.path("kind").asText()).containsAnyOf("configured", "observed");
  }

  @Test
  void scan_observesGunicornConnectionsToPostgresAndRedis() {
    JsonNode gunicorn = component("gunicorn");
    assertThat(edges(gunicorn, component("postgresql")))
        .anySatisfy(e -> assertObserved(e, 5432));
    assertThat(edges(gunicorn, component("redis")))
        .anySatisfy(e -> assertObserved(e, 6379));
  }

  @Test
  void scan_findsConfiguredEdges_fromDatabaseUrlAndRedisUrlInTheAppEnvironment() {
    JsonNode gunicorn = component("gunicorn");
    // DATABASE_URL carries a password: the edge must survive its redaction, its evidence must not.
    assertThat(edges(gunicorn, component("postgresql"))).anySatisfy(e -> {
      assertThat(e.path("kind").asText()).isEqualTo("configured");
      assertThat(e.path("port").asInt()).isEqualTo(5432);
      assertThat(e.path("evidence").toString()).contains("DATABASE_URL").doesNotContain(host.postgresPassword());
    });
    assertThat(edges(gunicorn, component("redis"))).anySatisfy(e -> {
      assertThat(e.path("kind").asText()).isEqualTo("configured");
      assertThat(e.path("port").asInt()).isEqualTo(6379);
    });
  }

  @Test
  void scan_observesWorkerConnectionToRedis() {
    assertThat(edges(worker(), component("redis"))).anySatisfy(e -> assertObserved(e, 6379));
  }

  @Test
  void scan_findsSqsQueueAsConfiguredExternalDependencyOfGunicorn() {
    JsonNode gunicorn = component("gunicorn");
    List<JsonNode> toSqs = new ArrayList<>();
    for (JsonNode e : model.path("dependencies")) {
      if (!e.path("from").asText().equals(gunicorn.path("id").asText())) continue;
      JsonNode to = byId(e.path("to").asText());
      if (to != null && to.path("kind").asText().equals("external")
          && text(to).contains("sqs")) {
        toSqs.add(e);
      }
    }
    assertThat(toSqs).as("gunicorn -> SQS").isNotEmpty();
    assertThat(toSqs).extracting(e -> e.path("kind").asText()).contains("configured");
  }

  @Test
  void scan_writesNoSecret_inAnyFileOrOnTheConsole() throws IOException {
    String password = host.postgresPassword();
    assertThat(password).hasSizeGreaterThan(8);
    List<Path> files;
    try (Stream<Path> walk = Files.walk(out)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    assertThat(files).isNotEmpty();
    for (Path f : files) {
      assertThat(Files.readString(f, StandardCharsets.UTF_8)).as(f.toString()).doesNotContain(password);
    }
    assertThat(scan.stdout()).doesNotContain(password);
    assertThat(scan.stderr()).doesNotContain(password);
  }

  @Test
  void scan_leavesOutItsOwnProcesses() {
    // The probe runs as `sh` under an `sshd: root@notty` session and calls ps, ss, cat...
    Pattern footprint = Pattern.compile(
        "^(sshd: \\S+@notty|sshd-session|(\\S*/)?(sh|dash|bash|ps|ss|cat|sed|awk|tr|sort)( |$))");
    for (JsonNode c : model.path("components")) {
      String commandLine = c.path("attributes").path("commandLine").asText();
      assertThat(footprint.matcher(commandLine).find())
          .as("component %s has the scan's own command line '%s'", c.path("id").asText(), commandLine)
          .isFalse();
      assertThat(c.path("name").asText()).doesNotStartWith("sshd: ");
    }
  }

  @Test
  void scan_refusesTheHost_whenItsKeyIsNotInKnownHosts() throws Exception {
    Path emptyKnownHosts = Files.createTempFile("infradoc-it", ".known_hosts");
    Path otherOut = Files.createTempDirectory("infradoc-it-unknown-key");
    try {
      TestHost.Run refused = TestHost.Run.of(List.of("./infradoc", "scan", "ssh://root@" + host.address(),
          "-i", host.sshKey(), "--known-hosts", emptyKnownHosts.toString(), "--out", otherOut.toString()),
          Duration.ofSeconds(120));
      assertThat(refused.exitCode()).as("stderr:%n%s", refused.stderr()).isEqualTo(3);
      assertThat(refused.stderr()).contains(host.address()).contains("host key not known")
          .contains(hostKeyFingerprint());
      assertThat(otherOut.resolve("model.json")).doesNotExist();
      assertThat(Files.readString(emptyKnownHosts)).as("known_hosts must not be written").isEmpty();
    } finally {
      Files.deleteIfExists(emptyKnownHosts);
      deleteTree(otherOut);
    }
  }

  // --- lookups over model.json (the public contract), by technology rather than by guessed ids

  /**
   * The one component seen as a process on the host (it has a command line; cron jobs and
   * externals do not) whose technology contains WORD.
   */
  private static JsonNode component(String word) {
    assertThat(model).as("model.json was written; stderr:%n%s", scan == null ? "" : scan.stderr()).isNotNull();
    List<JsonNode> found = matching(c -> c.path("technology").asText().toLowerCase(Locale.ROOT).contains(word)
        && !c.path("attributes").path("commandLine").asText().isEmpty());
    assertThat(found).as("one process component with technology '%s' among %s", word, ids()).hasSize(1);
    return found.get(0);
  }

  private static JsonNode worker() {
    assertThat(model).isNotNull();
    List<JsonNode> found = matching(c -> c.path("attributes").path("commandLine").asText().contains("worker.py"));
    assertThat(found).as("one component running worker.py among %s", ids()).hasSize(1);
    return found.get(0);
  }

  /** The SHA256 fingerprint of the test host's key, as OpenSSH's ssh-keygen prints it. */
  private static String hostKeyFingerprint() throws IOException, InterruptedException {
    Path pub = Path.of(host.get("STACK_DIR"), "sshd", "ssh_host_ed25519_key.pub");
    TestHost.Run run = TestHost.Run.of(List.of("ssh-keygen", "-l", "-E", "sha256", "-f", pub.toString()),
        Duration.ofSeconds(10));
    String fingerprint = run.stdout().split("\\s+")[1];
    assertThat(fingerprint).startsWith("SHA256:");
    return fingerprint;
  }

  private static List<JsonNode> matching(Predicate<JsonNode> p) {
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode c : model.path("components")) if (p.test(c)) found.add(c);
    return found;
  }

  private static JsonNode byId(String id) {
    List<JsonNode> found = matching(c -> c.path("id").asText().equals(id));
    return found.isEmpty() ? null : found.get(0);
  }

  private static List<String> ids() {
    return matching(c -> true).stream().map(c -> c.path("id").asText() + " (" + c.path("kind").asText() + ")").toList();
  }

  private static List<JsonNode> edges(JsonNode from, JsonNode to) {
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode e : model.path("dependencies")) {
      if (e.path("from").asText().equals(from.path("id").asText())
          && e.path("to").asText().equals(to.path("id").asText())) {
        found.add(e);
      }
    }
    return found;
  }

  private static void assertObserved(JsonNode edge, int port) {
    assertThat(edge.path("kind").asText()).isEqualTo("observed");
    assertThat(edge.path("port").asInt()).isEqualTo(port);
    assertThat(edge.path("evidence")).isNotEmpty();
  }

  private static List<String> listens(JsonNode c) {
    List<String> result = new ArrayList<>();
    for (JsonNode l : c.path("listens")) result.add(l.path("address").asText() + ":" + l.path("port").asInt());
    return result;
  }

  private static String text(JsonNode c) {
    return (c.path("id").asText() + " " + c.path("name").asText() + " " + c.path("technology").asText())
        .toLowerCase(Locale.ROOT);
  }

  /** How many processes whose args start with PROGRAM-ish text have a parent of the same kind. */
  private static long childrenOf(String psOutput, String program) {
    record Proc(String pid, String ppid, String args) {}
    List<Proc> procs = psOutput.lines().map(String::trim).filter(l -> !l.isEmpty())
        .map(l -> l.split("\\s+", 3)).filter(a -> a.length == 3).map(a -> new Proc(a[0], a[1], a[2])).toList();
    Predicate<Proc> isProgram = p -> p.args().contains("/" + program + " ") || p.args().startsWith(program + " ");
    List<String> parents = procs.stream().filter(isProgram).map(Proc::pid).toList();
    return procs.stream().filter(isProgram).filter(p -> parents.contains(p.ppid())).count();
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) return;
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }
}
