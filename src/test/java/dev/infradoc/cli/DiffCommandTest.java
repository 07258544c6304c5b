package dev.infradoc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.infradoc.collect.Target;
import dev.infradoc.history.HistoryStore;
import dev.infradoc.model.Model;
import dev.infradoc.render.json.ModelJson;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code infradoc diff} and {@code history} through the real command line, on the recorded shop-stack model. */
class DiffCommandTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden/host/shop-stack/expected/model.json");

  @TempDir Path tmp;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  /** The recorded model without worker.py (and its edges), scanned a day later. */
  private Model withoutWorker() throws Exception {
    Model m = ModelJson.read(Files.readString(GOLDEN));
    return new Model(m.schemaVersion(), m.generatedBy(), "2026-01-02T00:00:00Z", m.sources(), m.hosts(),
        m.components().stream().filter(c -> !c.id().endsWith("/shop-worker.py")).toList(),
        m.dependencies().stream().filter(d -> !d.from().endsWith("/shop-worker.py")).toList(),
        m.zones(), m.findings(), m.problems(), m.collections());
  }

  @Test
  void diff_ofTwoFiles_exitsOne_andWritesDriftMd_whenAComponentIsGone() throws Exception {
    Path newer = tmp.resolve("newer.json");
    Files.writeString(newer, ModelJson.write(withoutWorker()));
    int code = run("diff", GOLDEN.toString(), newer.toString(), "--out", tmp.resolve("out").toString());
    assertThat(code).as(err.toString()).isEqualTo(ExitCode.PARTIAL);
    assertThat(out.toString()).startsWith("1 component removed; 4 dependencies removed")
        .contains("- component host:idlead/shop-worker.py");
    assertThat(Files.readString(tmp.resolve("out/drift.md"))).contains("| removed | host:idlead/shop-worker.py |");
  }

  @Test
  void diff_ofTheSameModel_exitsZero() {
    int code = run("diff", GOLDEN.toString(), GOLDEN.toString(), "--out", tmp.resolve("out").toString());
    assertThat(code).isEqualTo(ExitCode.OK);
    assertThat(out.toString()).startsWith("No drift");
  }

  @Test
  void diff_exitsTwo_forOneFileOrAFileThatIsNoModel() throws Exception {
    assertThat(run("diff", GOLDEN.toString())).isEqualTo(ExitCode.USAGE);
    Path junk = tmp.resolve("junk.json");
    Files.writeString(junk, "{\"nope\": 1}");
    assertThat(run("diff", GOLDEN.toString(), junk.toString(), "--out", tmp.toString())).isEqualTo(ExitCode.USAGE);
    assertThat(err.toString()).contains("junk.json");
  }

  @Test
  void diff_ofTheStore_comparesTheLastTwoScansOfTheTargets_andExitsThreeWithFewer() throws Exception {
    Path store = tmp.resolve("store");
    assertThat(run("diff", "--store", store.toString(), "--out", tmp.toString())).isEqualTo(ExitCode.NOTHING);
    HistoryStore history = new HistoryStore(store);
    String key = StoreKey.of(List.of(Target.parse("ssh://root@recorded-host")));
    history.save(key, ModelJson.read(Files.readString(GOLDEN)));
    assertThat(run("diff", "--store", store.toString(), "--out", tmp.toString())).isEqualTo(ExitCode.NOTHING);
    history.save(key, withoutWorker());
    // "root@recorded-host" names the same target as "ssh://root@recorded-host"
    int code = run("diff", "--store", store.toString(), "--targets", "root@recorded-host", "--out", tmp.resolve("out").toString());
    assertThat(code).as(err.toString()).isEqualTo(ExitCode.PARTIAL);
    assertThat(Files.readString(tmp.resolve("out/drift.md")))
        .contains("Compares kept scan 2026-01-01T00-00-00Z.model.json (scanned 2026-01-01T00:00:00Z) with kept scan 2026-01-02T00-00-00Z.model.json");
    assertThat(run("diff", "--store", store.toString(), "--out", tmp.resolve("out2").toString())).isEqualTo(ExitCode.PARTIAL);
    out.getBuffer().setLength(0);
    assertThat(run("history", "--store", store.toString())).isEqualTo(ExitCode.OK);
    assertThat(out.toString()).contains(key + "\t2\t2026-01-02T00:00:00Z\tssh://root@recorded-host");
  }

  @Test
  void diff_refusesFilesTogetherWithTargets() {
    List<String> args = new ArrayList<>(List.of("diff", GOLDEN.toString(), GOLDEN.toString(), "--targets", "web01"));
    assertThat(run(args.toArray(String[]::new))).isEqualTo(ExitCode.USAGE);
  }
}
