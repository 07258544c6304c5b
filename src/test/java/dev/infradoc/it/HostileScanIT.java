package dev.infradoc.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.infradoc.testing.MermaidCheck;
import dev.infradoc.testing.SecretCorpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scans a hostile test host (src/test/stack/up.sh --hostile: processes, files and a hostname full of
 * Markdown, Mermaid, HTML and shell syntax, and every secret of the corpus) together with a hostile
 * repository, with the real launcher, and checks that no secret reaches any output, that every
 * document stays well-formed, and that nothing read from the target was ever run.
 */
class HostileScanIT {
  private static final int INDEX = 47;   // src/test/stack/README.md lists the indexes in use
  private static final String NAME = "ithostile";

  private static Path work;
  private static Path repo;
  private static TestHost host;
  private static Path out;
  private static TestHost.Run scan;

  @BeforeAll
  static void scanHostileHostAndRepository() throws Exception {
    work = Files.createTempDirectory("infradoc-it-hostile");
    HostileFixture.writeHost(work.resolve("fixture"), "scanner");
    repo = work.resolve("repo");
    HostileFixture.writeRepository(repo);
    host = TestHost.up(NAME, INDEX, List.of("--hostile", work.resolve("fixture").toString()), java.util.Map.of());
    out = work.resolve("out");
    scan = scan(out, "ssh://root@" + host.address(), repo.toString());
  }

  @AfterAll
  static void takeDown() throws Exception {
    if (host != null) host.close();
    if (work != null) deleteTree(work);
  }

  static TestHost.Run scan(Path outDir, String... targets) throws IOException, InterruptedException {
    return scan(Duration.ofSeconds(180), outDir, targets);
  }

  static TestHost.Run scan(Duration timeout, Path outDir, String... targets) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("./infradoc", "scan"));
    command.addAll(List.of(targets));
    command.addAll(List.of("-i", host.sshKey(), "--known-hosts", host.knownHosts(), "--out", outDir.toString()));
    return TestHost.Run.of(command, timeout);
  }

  @Test
  void scan_documentsTheHostileHostAndRepository() throws IOException {
    assertThat(scan.exitCode()).as("exit code; stderr:%n%s", scan.stderr()).isZero();
    String model = Files.readString(out.resolve("model.json"));
    // Not vacuous: the hostile names and the redacted secrets' places did reach the documents.
    assertThat(model).contains("alert(", "shellapp", "envapp", "[redacted: ", "terraform", "requirements.txt");
  }

  @Test
  void scan_leaksNoSecretOfTheCorpus_inAnyOutputFileOrLog() throws IOException {
    List<String> leaks = new ArrayList<>();
    try (Stream<Path> files = Files.walk(out)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        SecretCorpus.leaks(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1), SecretCorpus.all())
            .forEach(l -> leaks.add(f.getFileName() + ": " + l));
        SecretCorpus.leaks(Files.readString(f, StandardCharsets.UTF_8), SecretCorpus.all())
            .forEach(l -> leaks.add(f.getFileName() + ": " + l));
      }
    }
    SecretCorpus.leaks(scan.stdout() + scan.stderr(), SecretCorpus.all()).forEach(l -> leaks.add("stdout/stderr: " + l));
    assertThat(leaks).isEmpty();
  }

  @Test
  void markdownTables_keepTheirColumnCount_onEveryRow() throws IOException {
    List<String> lines = Files.readAllLines(out.resolve("architecture.md"));
    int tables = 0;
    for (int i = 0; i + 1 < lines.size(); i++) {
      if (!lines.get(i).startsWith("|") || !lines.get(i + 1).matches("\\|(-+\\|)+")) continue;
      tables++;
      int columns = cells(lines.get(i));
      for (int j = i + 2; j < lines.size() && lines.get(j).startsWith("|"); j++) {
        assertThat(cells(lines.get(j))).as("row %d of the table at line %d: %s", j + 1, i + 1, lines.get(j)).isEqualTo(columns);
      }
    }
    assertThat(tables).isGreaterThan(3);
  }

  @Test
  void markdown_carriesNoRawHtmlOrControlCharacters() throws IOException {
    for (String doc : List.of("architecture.md", "diagrams.md")) {
      String text = Files.readString(out.resolve(doc));
      assertThat(text).as(doc).doesNotContain("<script", "<b>", "\u001b", "\u202e", "\u0000");
    }
  }

  @Test
  void diagrams_renderInMermaid() {
    MermaidCheck.assertRenders(out.resolve("diagrams.md"));
  }

  @Test
  void nothingFromTheTarget_wasEverRun() throws IOException, InterruptedException {
    List<Path> found = new ArrayList<>();
    for (Path dir : List.of(Path.of("/"), Path.of("/root"), Path.of("/tmp"), work, Path.of(host.get("STACK_DIR")), Path.of(""))) {
      try (Stream<Path> files = Files.walk(dir.toAbsolutePath(), dir.toString().equals("/") ? 1 : 6)) {
        files.filter(p -> p.getFileName() != null && p.getFileName().toString().startsWith(HostileFixture.CANARY)).forEach(found::add);
      } catch (IOException | java.io.UncheckedIOException e) {
        // unreadable corners of / are not where a canary would land
      }
    }
    // Inside the host too (its /run is private).
    found.addAll(host.ssh("find / /root /home /var/tmp /run -maxdepth 3 -name '" + HostileFixture.CANARY + "*' 2>/dev/null; true").lines().filter(l -> !l.isBlank()).map(Path::of).toList());
    assertThat(found).isEmpty();
    // And the directories whose names are shell syntax were asked for (so the test means something).
    assertThat(Files.readString(out.resolve("model.json"))).contains("nginx.conf", "requirements.txt");
  }

  @Test
  void enormousOutput_isCutWithAProblem_andAFailingSecondTargetStillLeavesTheHostDocumented() throws Exception {
    // /etc/nginx on the host is the fixture's etc/nginx: a 70 MB config pushes round 1 past Shell.MAX_OUTPUT_BYTES.
    Path huge = Path.of(host.get("STACK_DIR"), "hostile/etc/nginx/sites-enabled/huge.conf");
    try (java.io.Writer w = Files.newBufferedWriter(huge)) {
      String line = "# " + "x".repeat(998) + "\n";
      for (int i = 0; i < 70_000; i++) w.write(line);
    }
    try {
      Path o = work.resolve("out-huge");
      // 64 MiB of config lines to parse and redact take a while on a loaded machine.
      TestHost.Run run = scan(Duration.ofSeconds(480), o, "ssh://root@" + host.address(), "ssh://root@" + host.get("STACK_ROOT_ADDR") + ":1");
      assertThat(run.exitCode()).as("stderr: %s", run.stderr()).isEqualTo(1);
      assertThat(run.stderr()).contains(host.get("STACK_ROOT_ADDR") + ":1");
      String model = Files.readString(o.resolve("model.json"));
      assertThat(model).contains("part of the probe output", "MiB and was cut", "\"hostname\" : \"hostile");
    } finally {
      Files.delete(huge);
    }
  }

  @Test
  void linkCutMidScan_failsThatHostWithAMessage_andTheRepositoryIsStillDocumented() throws Exception {
    Path huge = Path.of(host.get("STACK_DIR"), "hostile/etc/nginx/sites-enabled/slow.conf");
    try (java.io.Writer w = Files.newBufferedWriter(huge)) {
      String line = "# " + "y".repeat(998) + "\n";
      for (int i = 0; i < 40_000; i++) w.write(line);
    }
    String veth = host.get("STACK_VETH");
    Path o = work.resolve("out-cut");
    List<String> command = new ArrayList<>(List.of("./infradoc", "scan", "ssh://root@" + host.address(), repo.toString(),
        "-i", host.sshKey(), "--known-hosts", host.knownHosts(), "--connect-timeout", "3", "--command-timeout", "6",
        "--out", o.toString()));
    Process scan = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(work.resolve("cut.log").toFile()).start();
    try {
      // The JVM starts, connects and begins the 40 MB probe; the link goes down under it.
      Thread.sleep(1500);
      TestHost.Run.of(List.of("ip", "link", "set", veth, "down"), Duration.ofSeconds(10));
      assertThat(scan.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      String log = Files.readString(work.resolve("cut.log"));
      assertThat(scan.exitValue()).as(log).isEqualTo(1);
      assertThat(log).contains(host.address());
      assertThat(Files.readString(o.resolve("model.json"))).contains("terraform", "the whole target");
    } finally {
      scan.destroyForcibly().waitFor();
      TestHost.Run.of(List.of("ip", "link", "set", veth, "up"), Duration.ofSeconds(10));
      Files.delete(huge);
    }
  }

  @Test
  void everyTargetFailing_exitsThree_andWritesNoOutputFolder() throws Exception {
    Path o = work.resolve("out-none");
    TestHost.Run run = scan(o, "ssh://root@" + host.get("STACK_ROOT_ADDR") + ":1");
    assertThat(run.exitCode()).as("stderr: %s", run.stderr()).isEqualTo(3);
    assertThat(run.stderr()).contains("nothing was collected");
    assertThat(o).doesNotExist();
    try (Stream<Path> left = Files.list(work)) {
      assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".infradoc-"));
    }
  }

  @Test
  void targetWithoutPsSsOrNetstat_isStillDocumented_andTheGapsAreProblems() throws Exception {
    // Hidden in the host's own mount namespace only: an empty, non-executable file over each tool.
    String tools = "/usr/bin/ps /usr/bin/ss /usr/bin/netstat /bin/netstat";
    host.ssh("for t in " + tools + "; do [ -e $t ] && mount --bind /dev/null $t; done; true");
    try {
      Path o = work.resolve("out-notools");
      TestHost.Run run = scan(o, "ssh://root@" + host.address());
      assertThat(run.exitCode()).as("stderr: %s", run.stderr()).isZero();
      String model = Files.readString(o.resolve("model.json"));
      assertThat(model).contains("probe section 'processes'", "\"hostname\" : \"hostile");
      // Sockets came from /proc/net instead of ss.
      assertThat(model).containsPattern("\"name\" : \"sockets\",\\s*\"what\" : \"[^\"]*\",\\s*\"exitCode\" : 0");
    } finally {
      host.ssh("for t in " + tools + "; do umount $t 2>/dev/null; done; true");
    }
  }

  @Test
  void scanAsNonRootUser_writesNothingOnTheTarget() throws Exception {
    String snapshot = "for d in / /tmp /var/tmp /dev/shm /run; do find $d -xdev -uid 2000 -printf '%p %s %T@\\n' 2>/dev/null; done | sort;"
        + " ls -la --time-style=full-iso " + host.get("STACK_DIR") + "/home/scanner";
    String before = host.ssh(snapshot);
    Path o = work.resolve("out-scanner");
    TestHost.Run run = scan(o, "ssh://scanner@" + host.address());
    String after = host.ssh(snapshot);
    assertThat(run.exitCode()).as("stderr: %s", run.stderr()).isZero();
    // The scan saw less without root, and said so.
    assertThat(Files.readString(o.resolve("model.json"))).contains("\"problems\"", "root");
    assertThat(after).isEqualTo(before);
    assertThat(before).contains("/home/scanner");
  }

  static int cells(String row) {
    int n = 0;
    for (int i = 0; i < row.length(); i++) {
      if (row.charAt(i) == '\\') i++;
      else if (row.charAt(i) == '|') n++;
    }
    return n - 1;
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
