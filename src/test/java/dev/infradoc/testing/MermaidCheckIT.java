package dev.infradoc.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MermaidCheck against the real Mermaid in Debian's Chromium, on fixtures in src/test/resources/mermaid. */
class MermaidCheckIT {

  private static Path fixture(String name) {
    try {
      return Path.of(MermaidCheckIT.class.getResource("/mermaid/" + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new AssertionError("fixture missing: " + name, e);
    }
  }

  @Test
  void assertRenders_passes_forDiagramsWithEscapedHostileLabels() {
    MermaidCheck.assertRenders(fixture("valid.md"));
  }

  @Test
  void check_showsEscapedLabelsLiterally_forEveryHostileCharacter() {
    MermaidCheck.Result r = MermaidCheck.check(fixture("valid.md"), "--text");

    assertThat(r.rendered()).as(r.output()).isTrue();
    assertThat(r.output())
        .contains("ok   block 1 (line 10) \"flowchart LR\"")
        .contains("ok   block 2 (line 27) \"sequenceDiagram\"")
        .contains("ok   block 3 (line 42) \"graph TD\"")
        .contains("all 3 block(s) rendered")
        // each escape comes out as the character it stands for, nothing dropped or decoded twice
        .contains("text: say \"hi\" <script>alert(1)</script> & C# #1; [prod] (x) {y} | \\new `tick`")
        .contains("text: host web-1 (10.0.3.17) [prod] \"edge\"")
        .contains("text: postgresql :5432 ; sslmode=\"require\"")
        .contains("text: https :443 | observed")
        .contains("text: AWS SQS <queue>")
        .contains("text: nginx: master #1; \"edge\"")
        .contains("text: GET /api?a=1;b=2 <json> #frag")
        .contains("text: end of request; C:\\new `x`")
        .contains("text: host web-1 #1")
        .contains("text: web-1 & web-2");
  }

  @Test
  void assertRenders_fails_namingEachBrokenBlockAndMermaidsError() {
    assertThatThrownBy(() -> MermaidCheck.assertRenders(fixture("broken.md")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("ok   block 1 (line 4) \"flowchart LR\"")
        .hasMessageContaining("FAIL block 2 (line 11) \"flowchart LR\": Parse error on line 2:")
        .hasMessageContaining("FAIL block 3 (line 18) \"sequenceDiagram\": Parse error on line 2:")
        .hasMessageContaining("got 'STR'")
        .hasMessageContaining("(exit 1)");
  }

  @Test
  void check_fails_whenTheFileHasNoMermaidBlock() {
    MermaidCheck.Result r = MermaidCheck.check(fixture("no-diagram.md"));

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.output()).contains("no ```mermaid block found");
  }

  @Test
  void check_fails_whenAFenceIsNeverClosed(@TempDir Path dir) throws Exception {
    Path md = dir.resolve("unclosed.md");
    Files.writeString(md, "```mermaid\nflowchart LR\n  n_a --> n_b\n");

    MermaidCheck.Result r = MermaidCheck.check(md);

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.output()).contains("FAIL block 1 (line 2) \"flowchart LR\": the fence is never closed");
  }

  @Test
  void check_writesAScreenshotPerBlock_whenAsked(@TempDir Path dir) throws Exception {
    Path shots = dir.resolve("shots");

    MermaidCheck.Result r = MermaidCheck.check(fixture("valid.md"), "--screenshots", shots.toString());

    assertThat(r.rendered()).as(r.output()).isTrue();
    for (String name : new String[] {"block-01.png", "block-02.png", "block-03.png"}) {
      byte[] png = Files.readAllBytes(shots.resolve(name));
      assertThat(png.length).as(name).isGreaterThan(1000);
      assertThat(new String(png, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).as(name).isEqualTo("PNG");
    }
  }
}
