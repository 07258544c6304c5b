package dev.infradoc.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.infradoc.render.markdown.Markdown;
import dev.infradoc.render.mermaid.Mermaid;
import org.junit.jupiter.api.Test;

class EscapingTest {
  private static final String HOSTILE = "evil|name`rm -rf`<script>alert(1)</script>\n# heading [x](http://e) \"q\" ]) --> n1\u0000\u001b[31m";

  @Test
  void markdown_keepsTableCellsWhole_andInertsMarkup() {
    String cell = Markdown.text(HOSTILE);
    assertThat(cell).doesNotContain("\n").doesNotContain("<script>").doesNotContain("\u0000").doesNotContain("\u001b");
    assertThat(cell.replace("\\|", "")).doesNotContain("|");
    assertThat(cell).contains("\\`rm").doesNotContain(" `rm");
  }

  @Test
  void markdown_escapesHeadingOnlyAtStart() {
    assertThat(Markdown.text("# title")).startsWith("\\#");
    assertThat(Markdown.text("ss -tuanp#3")).isEqualTo("ss -tuanp#3");
  }

  @Test
  void mermaid_labelHasOnlySafeCharactersAndEntities() {
    String label = Mermaid.label(HOSTILE);
    assertThat(label).matches("[A-Za-z0-9 .,:/_()@+=#;-]*");
    assertThat(label).doesNotContain("\"").doesNotContain("]").doesNotContain("-->" ).doesNotContain("<");
  }

  @Test
  void mermaid_cutsVeryLongLabels() {
    assertThat(Mermaid.label("x".repeat(10_000)).length()).isLessThan(100);
  }

  @Test
  void markdown_cutsLongTextBetweenCodePoints_soItStaysValidUtf16() {
    String cut = Markdown.text("a".repeat(299) + "\uD83D\uDE00" + "b".repeat(10));
    assertThat(cut).endsWith("\uD83D\uDE00…");
    assertThat(java.nio.charset.StandardCharsets.UTF_8.newEncoder().canEncode(cut)).isTrue();
  }
}
