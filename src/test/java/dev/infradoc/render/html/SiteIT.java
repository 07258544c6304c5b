package dev.infradoc.render.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.infradoc.model.Model;
import dev.infradoc.pipeline.Documents;
import dev.infradoc.pipeline.OutputFormat;
import dev.infradoc.pipeline.OutputWriter;
import dev.infradoc.pipeline.RunInfo;
import dev.infradoc.render.GoldenModels;
import dev.infradoc.render.json.ModelJson;
import dev.infradoc.testing.SiteCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Sites generated from golden models, opened page by page in Debian's Chromium (SiteCheck): no
 * console error, every diagram an SVG, every link resolves, search finds a component, nothing
 * injected. Screenshots go to target/site-screenshots/CASE/.
 */
class SiteIT {
  private static final RunInfo RUN = new RunInfo("2026-01-01T00:00:00Z", List.of());
  private static final Path OUT = Path.of("target/site-it");
  private static final Path SHOTS = Path.of("target/site-screenshots");

  private static Path write(String name, Model model) throws Exception {
    Path dir = OUT.resolve(name);
    Map<String, String> files = Documents.render(model, RUN, Set.of(OutputFormat.HTML));
    OutputWriter.write(dir, files);
    return dir.resolve("site");
  }

  private static void assertSiteWorks(String name, Model model, String query, String expect) throws Exception {
    Path site = write(name, model);
    SiteCheck.Result r = SiteCheck.check(site, "--screenshots", SHOTS.resolve(name).toAbsolutePath().toString(), "--search", query, "--expect", expect);
    assertThat(r.exitCode()).as(r.output()).isZero();
    assertThat(r.output()).contains("site ok").contains("ok   search");
    assertThat(Files.size(SHOTS.resolve(name).resolve("index.png"))).isGreaterThan(10_000);
  }

  @Test
  void siteOfAHost_loadsWithoutErrors_drawsEveryDiagram_andSearchFindsPostgres() throws Exception {
    assertSiteWorks("shop-stack", GoldenModels.host("shop-stack"), "postgres", "PostgreSQL");
  }

  @Test
  void siteOfHostileNames_showsThemAsText_withNoInjectedElementOrScript() throws Exception {
    // the golden's process names carry <script>alert(1)</script> and <img src=x onerror=alert(1)>;
    // make the hostname, the OS and an address hostile too, since they become titles, file names and attributes
    String json = ModelJson.write(GoldenModels.host("hostile-names"))
        .replace("\"hostname\" : \"idlead\"", "\"hostname\" : \"x\\\"><img src=x onerror=alert(2)>../../evil\"")
        .replace("Debian GNU/Linux 12 (bookworm)", "</title><script>alert(3)</script>' onmouseover='alert(4)");
    Model model = ModelJson.read(json);
    assertThat(model.hosts().get(0).hostname()).contains("<img");

    assertSiteWorks("hostile-names", model, "evil", "evil");

    Path site = OUT.resolve("hostile-names/site");
    String index = Files.readString(site.resolve("index.html"));
    assertThat(index).doesNotContain("<img").doesNotContain("<script>alert").doesNotContain("' onmouseover='")
        .contains("&lt;img src=x onerror=alert(2)&gt;");
    try (var files = Files.walk(site)) {
      assertThat(files.map(p -> site.relativize(p).toString()).filter(p -> p.startsWith("hosts/")))
          .allMatch(p -> p.matches("hosts/[a-z0-9._-]+\\.html"));
    }
  }

  @Test
  void siteOfAFleet_hasAPagePerHost_andSearchFindsAHost() throws Exception {
    Model fleet = GoldenModels.fleet(12);
    assertSiteWorks("fleet-12", fleet, "web007", "web007");
    assertThat(OUT.resolve("fleet-12/site/hosts/web012.html")).exists();
  }

  @Test
  void siteOfDeclaredInfrastructure_drawsTheDeclaredDiagrams() throws Exception {
    assertSiteWorks("terraform-aws-three-tier", GoldenModels.declared("terraform-aws-three-tier"), "rds", "aws_db_instance");
    assertSiteWorks("k8s-shop", GoldenModels.declared("k8s-shop"), "redis", "redis");
  }
}
