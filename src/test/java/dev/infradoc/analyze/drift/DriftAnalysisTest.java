package dev.infradoc.analyze.drift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.infradoc.analyze.drift.Change.Difference;
import dev.infradoc.analyze.drift.Change.Kind;
import dev.infradoc.analyze.drift.Change.Subject;
import dev.infradoc.model.Component;
import dev.infradoc.model.ComponentKind;
import dev.infradoc.model.Dependency;
import dev.infradoc.model.Evidence;
import dev.infradoc.model.Finding;
import dev.infradoc.model.Host;
import dev.infradoc.model.Listen;
import dev.infradoc.model.Model;
import dev.infradoc.model.Severity;
import dev.infradoc.model.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class DriftAnalysisTest {
  private static final String SRC = "ssh://root@web01";

  /** The shop host: nginx -> gunicorn (2 workers) -> postgres, and a worker on Redis. */
  private static Scan shop() {
    return new Scan("2026-06-01T10:00:00Z")
        .run("nginx", ComponentKind.WEB_SERVER, "1.22.1", "0.0.0.0:80", "workers", "2")
        .run("shop-gunicorn", ComponentKind.APPLICATION, "", "127.0.0.1:8000", "workers", "2")
        .run("postgres", ComponentKind.DATABASE, "15.6", "127.0.0.1:5432")
        .run("redis", ComponentKind.CACHE, "7.0.15", "127.0.0.1:6379")
        .run("shop-worker.py", ComponentKind.WORKER, "", "")
        .edge("nginx", "shop-gunicorn", 8000)
        .edge("shop-gunicorn", "postgres", 5432)
        .edge("shop-worker.py", "redis", 6379)
        .finding("recovery.database.no-backup-observed:host:web01/postgres", "postgres");
  }

  @Test
  void compare_findsNoDrift_whenOnlyTimeAndEvidenceLinesDiffer() {
    Model a = shop().build();
    Scan later = shop();
    later.at = "2026-06-02T10:00:00Z";
    later.line = 40; // every ps/ss line number moved
    Drift d = DriftAnalysis.compare(a, later.build());
    assertThat(d.drifted()).isFalse();
    assertThat(d.changes()).isEmpty();
    assertThat(d.olderAt()).isEqualTo("2026-06-01T10:00:00Z");
    assertThat(d.newerAt()).isEqualTo("2026-06-02T10:00:00Z");
  }

  @Test
  void compare_reportsRemovedComponentWithItsLastEvidence_andItsEdgesRemoved() {
    Scan after = shop();
    after.remove("shop-worker.py");
    Drift d = DriftAnalysis.compare(shop().build(), after.build());
    assertThat(d.of(Subject.COMPONENT)).singleElement().satisfies(c -> {
      assertThat(c.kind()).isEqualTo(Kind.REMOVED);
      assertThat(c.id()).isEqualTo("host:web01/shop-worker.py");
      assertThat(c.evidence()).extracting(Evidence::locator).contains("ps -eo pid,ppid,user,etimes,args#6");
    });
    assertThat(d.of(Subject.DEPENDENCY)).singleElement().satisfies(c -> {
      assertThat(c.kind()).isEqualTo(Kind.REMOVED);
      assertThat(c.id()).isEqualTo("host:web01/shop-worker.py->host:web01/redis:6379/observed");
    });
    assertThat(d.drifted()).isTrue();
  }

  @Test
  void compare_reportsAddedComponent_withTheNewEvidence() {
    Scan after = shop().run("memcached", ComponentKind.CACHE, "1.6.18", "127.0.0.1:11211");
    Drift d = DriftAnalysis.compare(shop().build(), after.build());
    assertThat(d.changes()).singleElement().satisfies(c -> {
      assertThat(c.subject()).isEqualTo(Subject.COMPONENT);
      assertThat(c.kind()).isEqualTo(Kind.ADDED);
      assertThat(c.id()).isEqualTo("host:web01/memcached");
      assertThat(c.evidence()).extracting(Evidence::locator).contains("ss -tuanp#7");
    });
  }

  @Test
  void compare_reportsWorkerCountChange_asChangedComponent() {
    Scan after = shop();
    after.replace("shop-gunicorn", ComponentKind.APPLICATION, "", "127.0.0.1:8000", "workers", "3");
    Drift d = DriftAnalysis.compare(shop().build(), after.build());
    assertThat(d.changes()).singleElement().satisfies(c -> {
      assertThat(c.kind()).isEqualTo(Kind.CHANGED);
      assertThat(c.id()).isEqualTo("host:web01/shop-gunicorn");
      assertThat(c.differences()).containsExactly(new Difference("workers", "2", "3"));
      assertThat(c.evidence()).isNotEmpty();
    });
  }

  @Test
  void compare_reportsVersionChange() {
    Scan after = shop();
    after.replace("postgres", ComponentKind.DATABASE, "16.2", "127.0.0.1:5432");
    Drift d = DriftAnalysis.compare(shop().build(), after.build());
    assertThat(d.changes()).singleElement()
        .satisfies(c -> assertThat(c.differences()).containsExactly(new Difference("version", "15.6", "16.2")));
  }

  @Test
  void compare_reportsPortAndExposure_whenADatabaseStartsListeningBeyondLoopback() {
    Scan after = shop();
    after.replace("postgres", ComponentKind.DATABASE, "15.6", "0.0.0.0:5432");
    Drift d = DriftAnalysis.compare(shop().build(), after.build());
    assertThat(d.changes()).singleElement().satisfies(c -> assertThat(c.differences()).containsExactly(
        new Difference("listens", "127.0.0.1:5432/tcp", "0.0.0.0:5432/tcp"),
        new Difference("exposure", "loopback only", "beyond loopback on 0.0.0.0:5432")));
  }

  @Test
  void compare_reportsEdgeRemoved_whenBothEndsRemain() {
    Scan after = shop();
    after.deps.removeIf(x -> x.to().endsWith("/postgres"));
    Drift d = DriftAnalysis.compare(shop().build(), after.build());
    assertThat(d.changes()).singleElement().satisfies(c -> {
      assertThat(c.subject()).isEqualTo(Subject.DEPENDENCY);
      assertThat(c.kind()).isEqualTo(Kind.REMOVED);
      assertThat(c.label()).isEqualTo("host:web01/shop-gunicorn -> host:web01/postgres port 5432 (observed)");
    });
  }

  @Test
  void compare_reportsFindingsNewAndFixed() {
    Scan after = shop();
    after.findings.clear();
    after.finding("security.datastore.exposed:host:web01/redis", "redis");
    Drift d = DriftAnalysis.compare(shop().build(), after.build());
    assertThat(d.of(Subject.FINDING)).extracting(Change::kind, Change::id).containsExactly(
        org.assertj.core.groups.Tuple.tuple(Kind.ADDED, "security.datastore.exposed:host:web01/redis"),
        org.assertj.core.groups.Tuple.tuple(Kind.REMOVED, "recovery.database.no-backup-observed:host:web01/postgres"));
    assertThat(d.count(Subject.FINDING, Kind.ADDED)).isEqualTo(1);
    assertThat(d.count(Subject.FINDING, Kind.REMOVED)).isEqualTo(1);
  }

  @Test
  void compare_doesNotCallComponentsRemoved_whenTheirSourceWasNotCollected() {
    Scan failed = new Scan("2026-06-02T10:00:00Z"); // the target failed: no source, no host, nothing
    failed.noSource = true;
    Drift d = DriftAnalysis.compare(shop().build(), failed.build());
    assertThat(d.changes()).extracting(Change::subject, Change::kind).containsExactly(
        org.assertj.core.groups.Tuple.tuple(Subject.SOURCE, Kind.NOT_COLLECTED));
    assertThat(d.drifted()).isTrue();
  }

  @Test
  void compare_reportsHostOsChange() {
    Scan after = shop();
    after.os = "Debian GNU/Linux 13 (trixie)";
    Drift d = DriftAnalysis.compare(shop().build(), after.build());
    assertThat(d.changes()).singleElement().satisfies(c -> {
      assertThat(c.subject()).isEqualTo(Subject.HOST);
      assertThat(c.differences()).containsExactly(new Difference("os", "Debian GNU/Linux 12 (bookworm)", "Debian GNU/Linux 13 (trixie)"));
    });
  }

  @Test
  void compare_isDeterministic_sortedBySubjectKindAndId() {
    Scan after = shop().run("zebra", ComponentKind.WORKER, "", "").run("alpha", ComponentKind.WORKER, "", "");
    after.remove("shop-worker.py");
    Drift d1 = DriftAnalysis.compare(shop().build(), after.build());
    Drift d2 = DriftAnalysis.compare(shop().build(), after.build());
    assertThat(d1).isEqualTo(d2);
    assertThat(d1.of(Subject.COMPONENT)).extracting(Change::id).containsExactly(
        "host:web01/alpha", "host:web01/zebra", "host:web01/shop-worker.py");
  }

  /** A small scan of host web01, built directly. */
  private static final class Scan {
    String at;
    String os = "Debian GNU/Linux 12 (bookworm)";
    int line = 0;
    boolean noSource;
    final List<Object[]> runs = new ArrayList<>();
    final List<Dependency> deps = new ArrayList<>();
    final List<String[]> findings = new ArrayList<>();

    Scan(String at) {
      this.at = at;
    }

    Scan run(String name, ComponentKind kind, String version, String listen, String... kv) {
      runs.add(new Object[] {name, kind, version, listen, kv});
      return this;
    }

    void replace(String name, ComponentKind kind, String version, String listen, String... kv) {
      for (int i = 0; i < runs.size(); i++) {
        if (runs.get(i)[0].equals(name)) runs.set(i, new Object[] {name, kind, version, listen, kv});
      }
    }

    void remove(String name) {
      runs.removeIf(r -> r[0].equals(name));
      deps.removeIf(x -> x.from().endsWith("/" + name) || x.to().endsWith("/" + name));
    }

    Scan edge(String from, String to, int port) {
      deps.add(new Dependency("host:web01/" + from, "host:web01/" + to, "tcp", port, Dependency.OBSERVED,
          List.of(Evidence.of(SRC, "ss -tuanp#" + (deps.size() + 20), from + " -> " + to))));
      return this;
    }

    Scan finding(String id, String component) {
      findings.add(new String[] {id, component});
      return this;
    }

    Model build() {
      if (noSource) {
        return new Model(1, new Model.GeneratedBy("infradoc", "test"), at, List.of(), List.of(), List.of(), List.of(),
            List.of(), List.of(), List.of(), List.of());
      }
      List<Component> cs = new ArrayList<>();
      int n = 0;
      for (Object[] r : runs) {
        n++;
        String name = (String) r[0];
        String listen = (String) r[3];
        String[] kv = (String[]) r[4];
        Map<String, String> attrs = new TreeMap<>();
        for (int i = 0; i < kv.length; i += 2) attrs.put(kv[i], kv[i + 1]);
        List<Listen> ls = listen.isEmpty() ? List.of()
            : List.of(new Listen(listen.substring(0, listen.lastIndexOf(':')), Integer.parseInt(listen.substring(listen.lastIndexOf(':') + 1)), "tcp"));
        List<Evidence> ev = new ArrayList<>(List.of(Evidence.of(SRC, "ps -eo pid,ppid,user,etimes,args#" + (n + 1 + line), name)));
        if (!listen.isEmpty()) ev.add(Evidence.of(SRC, "ss -tuanp#" + (n + 1 + line), "LISTEN " + listen));
        cs.add(new Component("host:web01/" + name, name, (ComponentKind) r[1], name, (String) r[2], "host:web01", SRC, 1,
            "root", "", ls, attrs, ev));
      }
      cs.sort(java.util.Comparator.comparing(Component::id));
      List<Finding> fs = findings.stream().map(f -> new Finding(f[0], f[0].substring(0, f[0].indexOf(':')), Severity.MEDIUM,
          "title of " + f[0], "detail", List.of("host:web01/" + f[1]), List.of(Evidence.of(SRC, "ps -eo pid,ppid,user,etimes,args#3", "x")), "fix it"))
          .sorted(java.util.Comparator.comparing(Finding::id)).toList();
      Host h = new Host("host:web01", "web01", os, "6.1.0", List.of("10.0.0.5/24"), "2 cores", "4 GiB", Map.of(),
          List.of(Evidence.of(SRC, "cat /etc/os-release#1", "PRETTY_NAME=" + os)));
      return new Model(1, new Model.GeneratedBy("infradoc", "test"), at, List.of(new Source(SRC, "host", "root@web01")),
          List.of(h), cs, deps.stream().sorted().toList(), List.of(), fs, List.of(), List.of());
    }
  }
}
