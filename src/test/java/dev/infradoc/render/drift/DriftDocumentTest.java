package dev.infradoc.render.drift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.infradoc.analyze.drift.Change;
import dev.infradoc.analyze.drift.Change.Difference;
import dev.infradoc.analyze.drift.Change.Kind;
import dev.infradoc.analyze.drift.Change.Subject;
import dev.infradoc.analyze.drift.Drift;
import dev.infradoc.model.Evidence;
import java.util.List;
import org.junit.jupiter.api.Test;

class DriftDocumentTest {
  private static final Evidence PS = Evidence.of("ssh://root@web01", "ps -eo pid,ppid,user,etimes,args#7", "gunicorn");

  private static Drift drift() {
    return new Drift("2026-06-01T10:00:00Z", "2026-06-02T10:00:00Z", List.of(
        new Change(Subject.COMPONENT, Kind.CHANGED, "host:web01/shop-gunicorn", "shop (gunicorn)",
            List.of(new Difference("workers", "2", "3")), List.of(PS)),
        new Change(Subject.COMPONENT, Kind.REMOVED, "host:web01/shop-worker.py", "shop worker.py", List.of(),
            List.of(Evidence.of("ssh://root@web01", "ps -eo pid,ppid,user,etimes,args#9", "worker.py"))),
        new Change(Subject.FINDING, Kind.REMOVED, "hygiene.x:host:web01", "a title", List.of(), List.of()),
        new Change(Subject.FINDING, Kind.ADDED, "security.y:host:web01/redis", "evil | <b>x</b>\n# head", List.of(), List.of(PS))));
  }

  @Test
  void render_writesOneRowPerChange_withTheNewerEvidence_orWhereItWasLastSeen() {
    String md = new DriftDocument(drift(), "old/model.json", "new/model.json").render();
    assertThat(md).contains("| changed | host:web01/shop-gunicorn | workers: 2 → 3 | ps -eo pid,ppid,user,etimes,args#7 |");
    assertThat(md).contains("| removed | host:web01/shop-worker.py | shop worker.py | last seen: ps -eo pid,ppid,user,etimes,args#9 |");
    assertThat(md).contains("| fixed | hygiene.x:host:web01 | a title | none recorded |");
    assertThat(md).contains("## Dependencies\n\nNo change.");
    assertThat(md).contains("1 component removed, 1 changed; 1 finding new, 1 fixed.");
  }

  @Test
  void render_escapesTextFromTargets() {
    String md = new DriftDocument(drift(), "a", "b").render();
    assertThat(md).contains("evil \\| &lt;b&gt;x&lt;/b&gt; # head");
    assertThat(md).doesNotContain("<b>").doesNotContain("\n# head");
  }

  @Test
  void render_sameDriftGivesSameBytes() {
    assertThat(new DriftDocument(drift(), "a", "b").render()).isEqualTo(new DriftDocument(drift(), "a", "b").render());
  }

  @Test
  void summary_saysNoDrift_andListsChangesWithoutControlCharacters() {
    assertThat(DriftSummary.headline(new Drift("a", "b", List.of()))).isEqualTo("No drift");
    Drift evil = new Drift("a", "b", List.of(new Change(Subject.COMPONENT, Kind.ADDED, "host:x/\u001b[31mred", "x", List.of(), List.of())));
    assertThat(DriftSummary.lines(evil, 10)).containsExactly("+ component host:x/?[31mred");
    assertThat(DriftSummary.lines(drift(), 1)).containsExactly(
        "- component host:web01/shop-worker.py", "(+3 more in drift.md)");
    assertThat(DriftSummary.lines(drift(), 10)).containsExactly(
        "- component host:web01/shop-worker.py", "~ component host:web01/shop-gunicorn: workers 2 -> 3",
        "+ finding security.y:host:web01/redis", "- finding hygiene.x:host:web01");
  }
}
