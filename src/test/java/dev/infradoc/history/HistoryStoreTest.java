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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryStoreTest {
  @TempDir Path tmp;

  private static final String WEB = TargetsKey.of(List.of("root@web01"));
  private static final String FLEET = TargetsKey.of(List.of("root@web01", "root@db01"));

  private static Model model(String at, int components) {
    List<Component> cs = new java.util.ArrayList<>();
    for (int i = 0; i < components; i++) {
      cs.add(new Component("host:web01/c" + i, "c" + i, ComponentKind.APPLICATION, "", "", "host:web01", "ssh://root@web01",
          1, "", "", List.of(), Map.of(), List.of(Evidence.of("ssh://root@web01", "ps#" + i, ""))));
    }
    return new Model(1, new Model.GeneratedBy("infradoc", "test"), at, List.of(new Source("ssh://root@web01", "host", "root@web01")),
        List.of(), cs, List.of(), List.of(), List.of(), List.of(), List.of());
  }

  @Test
  void key_isTheSameForTheSameTargetsInAnyOrder_andDiffersForOthers() {
    assertThat(TargetsKey.of(List.of("root@db01", "root@web01"))).isEqualTo(FLEET);
    assertThat(TargetsKey.of(List.of("root@web01", "root@db01", "root@web01"))).isEqualTo(FLEET);
    assertThat(WEB).isNotEqualTo(FLEET).hasSize(16).matches("[0-9a-f]{16}");
    assertThat(TargetsKey.isKey(WEB)).isTrue();
    assertThat(TargetsKey.isKey("../../etc")).isFalse();
  }

  @Test
  void save_writesTheModelAsModelJsonWritesIt_underItsKey_readableOnlyByItsOwner() throws IOException {
    HistoryStore store = new HistoryStore(tmp.resolve("history"));
    Model m = model("2026-06-01T10:00:00Z", 2);
    StoredScan s = store.save(WEB, m);
    assertThat(s.file()).isEqualTo(tmp.resolve("history").resolve(WEB).resolve("2026-06-01T10-00-00Z.model.json"));
    assertThat(Files.readString(s.file())).isEqualTo(ModelJson.write(m));
    assertThat(HistoryStore.read(s.file())).isEqualTo(m);
    assertThat(s.components()).isEqualTo(2);
    assertThat(s.sources()).containsExactly("ssh://root@web01");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("history")))).isEqualTo("rwx------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(s.file()))).isEqualTo("rw-------");
  }

  @Test
  void list_returnsScansOldestFirst_andKeepsTwoScansOfTheSameSecond() throws IOException {
    HistoryStore store = new HistoryStore(tmp);
    store.save(WEB, model("2026-06-02T10:00:00Z", 3));
    store.save(WEB, model("2026-06-01T10:00:00Z", 1));
    store.save(WEB, model("2026-06-02T10:00:00Z", 4));
    store.save(FLEET, model("2026-06-03T10:00:00Z", 9));
    assertThat(store.list(WEB)).extracting(StoredScan::generatedAt, StoredScan::components).containsExactly(
        org.assertj.core.groups.Tuple.tuple("2026-06-01T10:00:00Z", 1),
        org.assertj.core.groups.Tuple.tuple("2026-06-02T10:00:00Z", 3),
        org.assertj.core.groups.Tuple.tuple("2026-06-02T10:00:00Z", 4));
    assertThat(store.list(WEB).get(2).file().getFileName().toString()).isEqualTo("2026-06-02T10-00-00Z-2.model.json");
    assertThat(store.keys()).containsExactlyInAnyOrder(WEB, FLEET);
  }

  @Test
  void lastTwo_areTheLatestTwoOfTheSameTargets_olderFirst() throws IOException {
    HistoryStore store = new HistoryStore(tmp);
    store.save(WEB, model("2026-06-01T10:00:00Z", 1));
    assertThat(store.lastTwo(WEB)).hasSize(1);
    store.save(WEB, model("2026-06-02T10:00:00Z", 2));
    store.save(FLEET, model("2026-06-04T10:00:00Z", 7));
    store.save(WEB, model("2026-06-03T10:00:00Z", 3));
    assertThat(store.lastTwo(WEB)).extracting(StoredScan::components).containsExactly(2, 3);
    assertThat(store.lastTwo(TargetsKey.of(List.of("nobody@nowhere")))).isEmpty();
  }

  @Test
  void latestKey_isTheKeyOfTheMostRecentScan() throws IOException {
    HistoryStore store = new HistoryStore(tmp);
    assertThat(store.latestKey()).isEmpty();
    store.save(WEB, model("2026-06-01T10:00:00Z", 1));
    store.save(FLEET, model("2026-06-02T10:00:00Z", 1));
    assertThat(store.latestKey()).contains(FLEET);
    store.save(WEB, model("2026-06-03T10:00:00Z", 1));
    assertThat(store.latestKey()).contains(WEB);
  }

  @Test
  void list_findsAModelTheIndexLacks_andIgnoresDamagedLinesAndMissingFiles() throws IOException {
    HistoryStore store = new HistoryStore(tmp);
    StoredScan first = store.save(WEB, model("2026-06-01T10:00:00Z", 1));
    Path keyDir = first.file().getParent();
    Files.writeString(keyDir.resolve("2026-06-05T10-00-00Z.model.json"), ModelJson.write(model("2026-06-05T10:00:00Z", 5)));
    Files.writeString(keyDir.resolve(HistoryStore.INDEX), "garbage\n2026-06-09T10:00:00Z\tgone.model.json\t1\t0\t0\t\n", java.nio.file.StandardOpenOption.APPEND);
    assertThat(store.list(WEB)).extracting(StoredScan::components).containsExactly(1, 5);
  }

  @Test
  void save_refusesAKeyThatIsNotOne() {
    HistoryStore store = new HistoryStore(tmp);
    assertThatThrownBy(() -> store.save("../elsewhere", model("2026-06-01T10:00:00Z", 1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
