package dev.infradoc.render.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.infradoc.model.Model;
import dev.infradoc.pipeline.Documents;
import dev.infradoc.pipeline.OutputFormat;
import dev.infradoc.pipeline.RunInfo;
import dev.infradoc.render.GoldenModels;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The site's files without a browser: escaping, determinism, the bundled Mermaid, which formats write what. */
class SiteTest {
  private static final RunInfo RUN = new RunInfo("2026-01-01T00:00:00Z", List.of());

  @Test
  void escape_makesMarkupAndAttributeBreaksInert_andShowsDirectionOverrides() {
    assertThat(Html.escape("<script>alert(1)</script>")).isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(Html.escape("x\" onmouseover='y' &amp;")).isEqualTo("x&quot; onmouseover=&#39;y&#39; &amp;amp;");
    assertThat(Html.escape("we\u202Erd\u0000")).isEqualTo("we[U+202E]rd[U+0000]");
    assertThat(Html.escape("😀 café")).isEqualTo("😀 café");
  }

  @Test
  void site_isTheSameBytes_forTheSameModel() {
    Model model = GoldenModels.host("shop-stack");
    Map<String, String> a = Documents.render(model, RUN, Set.of(OutputFormat.HTML));
    Map<String, String> b = Documents.render(GoldenModels.host("shop-stack"), RUN, Set.of(OutputFormat.HTML));
    assertThat(a).isEqualTo(b);
    assertThat(List.copyOf(a.keySet())).isEqualTo(List.copyOf(b.keySet()));
    assertThat(a).containsKeys("site/index.html", "site/diagrams.html", "site/findings.html", "site/hosts/idlead.html",
        "site/assets/site.js", "site/assets/search-index.js", "site/assets/mermaid.min.js", "site/assets/mermaid.LICENSE");
  }

  @Test
  void pages_haveAStrictCsp_andNoInlineScript() {
    Map<String, String> files = Documents.render(GoldenModels.host("hostile-names"), RUN, Set.of(OutputFormat.HTML));
    files.entrySet().stream().filter(e -> e.getKey().endsWith(".html")).forEach(e -> {
      assertThat(e.getValue()).as(e.getKey()).contains("http-equiv=\"Content-Security-Policy\"")
          .contains("script-src &#39;self&#39;").doesNotContain("<script>").doesNotContain("unsafe-eval")
          .doesNotContain("<img").doesNotContain("onerror=alert");
    });
    assertThat(files.get("site/assets/search-index.js")).matches("(?s)\\A[\\x00-\\x7F]*\\z").contains("\\u202E");
  }

  @Test
  void driftHook_addsADriftPage_linkedFromEveryPage() {
    Map<String, String> files = new Site(GoldenModels.host("shop-stack"), RUN)
        .withDrift("2 changes since the last scan", List.of("Change", "What"), List.of(List.of("removed", "<b>redis</b>"))).render();
    assertThat(files.get("site/drift.html")).contains("2 changes since the last scan").contains("&lt;b&gt;redis&lt;/b&gt;");
    assertThat(files.get("site/index.html")).contains("href=\"drift.html\"");
    assertThat(files.get("site/hosts/idlead.html")).contains("href=\"../drift.html\"");
    assertThat(new Site(GoldenModels.host("shop-stack"), RUN).render()).doesNotContainKey("site/drift.html");
  }

  @Test
  void bundledMermaid_isThePinnedRelease_byChecksum() throws Exception {
    byte[] js;
    try (InputStream in = Site.class.getClassLoader().getResourceAsStream("web/vendor/mermaid.min.js")) {
      js = in.readAllBytes();
    }
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(js));
    String recorded;
    try (InputStream in = Site.class.getClassLoader().getResourceAsStream("web/vendor/mermaid.VERSION")) {
      recorded = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    assertThat(recorded).contains("sha256 " + sha + "  mermaid.min.js");
    String pinned = Files.readString(Path.of("src/test/mermaid/package.json"));
    String version = recorded.replaceFirst("(?s)^mermaid (\\S+) .*", "$1");
    assertThat(pinned).as("the render check pins the same Mermaid").contains("\"mermaid\": \"" + version + "\"");
    Path installed = Path.of("src/test/mermaid/node_modules/mermaid/dist/mermaid.min.js");
    if (Files.exists(installed)) assertThat(Files.readAllBytes(installed)).as("same bytes as the npm package").isEqualTo(js);
    assertThat(new String(js, 0, 200, java.nio.charset.StandardCharsets.UTF_8)).contains("mermaid");
  }

  @Test
  void formats_selectTheFiles_andTheDefaultKeepsTodaysOutputs() {
    Model model = GoldenModels.host("shop-stack");
    assertThat(Documents.render(model, RUN).keySet())
        .containsExactly("architecture.md", "diagrams.md", "model.json", "security.md", "findings.sarif");
    assertThat(Documents.render(model, RUN, OutputFormat.parse("json,structurizr")).keySet())
        .containsExactly("model.json", "workspace.dsl");
    assertThat(OutputFormat.parse("all")).isEqualTo(EnumSet.allOf(OutputFormat.class));
    assertThat(OutputFormat.parse(" Markdown , HTML")).containsExactlyInAnyOrder(OutputFormat.MARKDOWN, OutputFormat.HTML);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> OutputFormat.parse("pdf"))
        .hasMessageContaining("unknown format 'pdf'");
  }
}
