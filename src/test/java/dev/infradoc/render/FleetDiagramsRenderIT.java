package dev.infradoc.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.infradoc.model.Model;
import dev.infradoc.pipeline.Documents;
import dev.infradoc.pipeline.RunInfo;
import dev.infradoc.testing.MermaidCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The documents of a 200-host fleet render in real Mermaid: the fleet map is drawn, oversized diagrams are not. */
class FleetDiagramsRenderIT {
  @TempDir Path dir;

  @Test
  void diagramsOf200Hosts_renderInMermaid_withTheFleetMapCollapsed() throws Exception {
    Model model = FleetViewTest.fleet(200);
    Map<String, String> files = Documents.render(model, new RunInfo("2026-01-01T00:00:00Z", List.of()));
    assertThat(files).containsKeys("hosts/web001.md", "hosts/web200.md", "hosts/db04.md");
    Path diagrams = dir.resolve("diagrams.md");
    Files.writeString(diagrams, files.get("diagrams.md"));
    assertThat(files.get("diagrams.md")).contains("## Fleet map").contains("web#91;001..200#93;");
    MermaidCheck.assertRenders(diagrams);
    Path page = dir.resolve("web001.md");
    Files.writeString(page, files.get("hosts/web001.md"));
    MermaidCheck.assertRenders(page);
  }
}
