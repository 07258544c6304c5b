package dev.infradoc.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
 * History and drift on a real host: scan it into a store, change it for real (worker.py stopped,
 * gunicorn grown from 2 to 3 workers by src/test/stack/drift.sh), scan again, then scan once more
 * without a change, and run {@code ./infradoc diff} against the store as a cron job would.
 */
class DriftIT {
  private static final int INDEX = 71;   // src/test/stack/README.md lists the indexes in use
  private static final String NAME = "itdrift";

  private static TestHost host;
  private static Path tmp;
  private static Path store;
  private static final List<TestHost.Run> scans = new ArrayList<>();
  private static TestHost.Run changed;
  private static TestHost.Run driftDiff;
  private static String driftMd;
  private static TestHost.Run unchangedDiff;
  private static String unchangedMd;
  private static TestHost.Run history;

  @BeforeAll
  static void scanChangeScan() throws Exception {
    host = TestHost.up(NAME, INDEX);
    tmp = Files.createTempDirectory("infradoc-it-drift");
    store = tmp.resolve("store");
    scans.add(scan("before"));
    changed = TestHost.Run.of(List.of("src/test/stack/drift.sh", NAME), Duration.ofSeconds(30));
    scans.add(scan("after"));
    driftDiff = run("diff", "--store", store.toString(), "--out", tmp.resolve("drift").toString());
    driftMd = read(tmp.resolve("drift/drift.md"));
    scans.add(scan("again"));
    unchangedDiff = run("diff", "--store", store.toString(), "--targets", target(), "--out", tmp.resolve("same").toString());
    unchangedMd = read(tmp.resolve("same/drift.md"));
    history = run("history", "--store", store.toString(), "--targets", target());
  }

  private static String target() {
    return "ssh://root@" + host.address();
  }

  private static TestHost.Run scan(String out) throws IOException, InterruptedException {
    return run("scan", target(), "-i", host.sshKey(), "--known-hosts", host.knownHosts(),
        "--store", store.toString(), "--out", tmp.resolve(out).toString());
  }

  private static TestHost.Run run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("./infradoc"));
    command.addAll(List.of(args));
    return TestHost.Run.of(command, Duration.ofSeconds(120));
  }

  private static String read(Path p) throws IOException {
    return Files.exists(p) ? Files.readString(p) : "";
  }

  @AfterAll
  static void takeDown() throws Exception {
    if (host != null) host.close();
    if (tmp != null) {
      try (Stream<Path> walk = Files.walk(tmp)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Test
  void scans_succeed_andAreKeptInTheStore() throws IOException {
    for (TestHost.Run s : scans) assertThat(s.exitCode()).as("scan; stderr:%n%s", s.stderr()).isZero();
    assertThat(changed.exitCode()).as("drift.sh; stderr:%n%s", changed.stderr()).isZero();
    try (Stream<Path> kept = Files.walk(store)) {
      assertThat(kept.filter(p -> p.toString().endsWith(".model.json"))).hasSize(3);
    }
    assertThat(history.exitCode()).as("history; stderr:%n%s", history.stderr()).isZero();
    assertThat(history.stdout().lines().skip(1)).hasSize(3);
  }

  @Test
  void diff_exitsOne_andDriftMdShowsTheStoppedWorkerRemoved_withWhereItWasLastSeen() {
    assertThat(driftDiff.exitCode()).as("diff; stderr:%n%s", driftDiff.stderr()).isEqualTo(1);
    assertThat(driftMd).containsPattern(
        "\\| removed \\| host:itdrift/shop-worker\\.py \\| shop worker\\.py \\| last seen: ps -eo pid,ppid,user,etimes,args#\\d+");
    // its observed connection to Redis went with it
    assertThat(driftMd).containsPattern(
        "\\| removed \\| host:itdrift/shop-worker\\.py -&gt; host:itdrift/redis port 6379 \\(observed\\) \\|  \\| last seen: ss -tuanp#\\d+");
    assertThat(driftDiff.stdout()).contains("- component host:itdrift/shop-worker.py");
  }

  @Test
  void diff_showsGunicornWorkersChangedFromTwoToThree_withTheNewEvidence() {
    assertThat(driftMd).containsPattern(
        "\\| changed \\| host:itdrift/shop-gunicorn \\| workers: 2 → 3 \\| [^|]*ps -eo pid,ppid,user,etimes,args#\\d+");
    assertThat(driftDiff.stdout()).contains("~ component host:itdrift/shop-gunicorn: workers 2 -> 3");
    // nothing else about the host changed: nginx, PostgreSQL and Redis are not in the drift
    assertThat(driftMd).doesNotContain("host:itdrift/nginx").doesNotContain("host:itdrift/postgres |")
        .doesNotContain("| host:itdrift/redis |");
  }

  @Test
  void diff_exitsZero_whenTheHostDidNotChangeBetweenTwoScans() {
    assertThat(unchangedDiff.exitCode()).as("diff; stdout:%n%s%nstderr:%n%s", unchangedDiff.stdout(), unchangedDiff.stderr()).isZero();
    assertThat(unchangedDiff.stdout()).startsWith("No drift");
    assertThat(unchangedMd).contains("## Components\n\nNo change.").contains("## Dependencies\n\nNo change.");
  }

  @Test
  void diff_ofTheFirstAndLastScanFiles_seesTheSameDrift() throws Exception {
    TestHost.Run files = run("diff", tmp.resolve("before").toString(), tmp.resolve("again/model.json").toString(),
        "--out", tmp.resolve("files").toString());
    assertThat(files.exitCode()).isEqualTo(1);
    assertThat(files.stdout()).contains("- component host:itdrift/shop-worker.py")
        .contains("~ component host:itdrift/shop-gunicorn: workers 2 -> 3");
  }

  @Test
  void diff_exitsThree_whenTheStoreHoldsFewerThanTwoScansOfTheTargets() throws Exception {
    TestHost.Run none = run("diff", "--store", store.toString(), "--targets", "ssh://root@192.0.2.1", "--out", tmp.resolve("none").toString());
    assertThat(none.exitCode()).isEqualTo(3);
    assertThat(none.stderr()).contains("nothing to compare");
  }
}
