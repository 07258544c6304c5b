package dev.infradoc.pipeline;

import dev.infradoc.analyze.Analyzer;
import dev.infradoc.model.Model;
import dev.infradoc.render.RuleInfo;
import dev.infradoc.render.sarif.SarifDocument;
import dev.infradoc.render.security.SecurityDocument;
import dev.infradoc.model.Host;
import dev.infradoc.render.HostSlice;
import dev.infradoc.render.json.ModelJson;
import dev.infradoc.render.markdown.FleetSection;
import dev.infradoc.render.markdown.ArchitectureDocument;
import dev.infradoc.render.mermaid.DiagramsDocument;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import dev.infradoc.render.html.Site;
import dev.infradoc.render.structurizr.WorkspaceDsl;

/** Renders the model into the output folder's documents and writes them atomically. */
public final class Documents {
  private Documents() {}

  public static Map<String, String> render(Model model, RunInfo run) {
    return render(model, run, OutputFormat.DEFAULT);
  }

  /** The documents of the formats asked for (scan --format). */
  public static Map<String, String> render(Model model, RunInfo run, Set<OutputFormat> formats) {
    Map<String, String> files = new LinkedHashMap<>();
    boolean markdown = formats.contains(OutputFormat.MARKDOWN);
    if (markdown) files.put("architecture.md", new ArchitectureDocument(model, run).render());
    if (markdown) files.put("diagrams.md", new DiagramsDocument(model, run).render());
    if (formats.contains(OutputFormat.JSON)) files.put("model.json", ModelJson.write(model));
    List<RuleInfo> rules = Analyzer.RULES.stream().map(r -> new RuleInfo(r.id(), r.severity(), r.summary())).toList();
    if (markdown) files.put("security.md", new SecurityDocument(model, run, rules).render());
    if (formats.contains(OutputFormat.SARIF)) files.put("findings.sarif", new SarifDocument(model, rules).render());
    if (formats.contains(OutputFormat.STRUCTURIZR)) files.put("workspace.dsl", new WorkspaceDsl(model).render());
    if (formats.contains(OutputFormat.HTML)) files.putAll(new Site(model, run).render());
    if (markdown && model.hosts().size() > 1) {
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

  /** Writes the documents and returns their file names, in the order written. */
  public static List<String> write(Path outDir, Model model, RunInfo run) throws IOException {
    return write(outDir, model, run, OutputFormat.DEFAULT);
  }

  /** Writes the documents of these formats and returns their file names, in the order written. */
  public static List<String> write(Path outDir, Model model, RunInfo run, Set<OutputFormat> formats) throws IOException {
    Map<String, String> files = render(model, run, formats);
    OutputWriter.write(outDir, files);
    return List.copyOf(files.keySet());
  }
}
