package dev.infradoc.pipeline;

import dev.infradoc.model.Model;
import dev.infradoc.model.Host;
import dev.infradoc.render.HostSlice;
import dev.infradoc.render.json.ModelJson;
import dev.infradoc.render.markdown.FleetSection;
import dev.infradoc.render.markdown.ArchitectureDocument;
import dev.infradoc.render.mermaid.DiagramsDocument;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Renders the model into the output folder's documents and writes them atomically. */
public final class Documents {
  private Documents() {}

  public static Map<String, String> render(Model model, RunInfo run) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("architecture.md", new ArchitectureDocument(model, run).render());
    files.put("diagrams.md", new DiagramsDocument(model, run).render());
    files.put("model.json", ModelJson.write(model));
    if (model.hosts().size() > 1) {
      // A fleet: one page per host, its own architecture and diagrams, linked from architecture.md.
      for (Host h : model.hosts()) {
        Model slice = HostSlice.of(model, h);
        String arch = new ArchitectureDocument(slice, run).render();
        String diagrams = new DiagramsDocument(slice, run).render().replaceFirst("^# Diagrams\n", "")
            .replaceAll("(?m)^## ", "### ");
        int firstBreak = arch.indexOf("\n\n");
        files.put(FleetSection.pagePath(h), arch.substring(0, firstBreak + 2)
            + "[Back to the fleet](../architecture.md)\n\n" + arch.substring(firstBreak + 2) + "## Diagrams\n" + diagrams);
      }
    }
    return files;
  }

  public static void write(Path outDir, Model model, RunInfo run) throws IOException {
    OutputWriter.write(outDir, render(model, run));
  }
}
