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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
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
    // The documents are independent views of one immutable model: render them in parallel and
    // collect them in a fixed order, so the bytes do not depend on which finishes first.
    Map<String, Supplier<String>> jobs = new LinkedHashMap<>();
    boolean markdown = formats.contains(OutputFormat.MARKDOWN);
    List<RuleInfo> rules = Analyzer.RULES.stream().map(r -> new RuleInfo(r.id(), r.severity(), r.summary())).toList();
    // architecture.md is the longest: its parts are rendered at the same time as each other and the rest.
    List<Supplier<String>> architecture = markdown ? new ArchitectureDocument(model, run).parts() : List.of();
    if (markdown) jobs.put("diagrams.md", () -> new DiagramsDocument(model, run).render());
    if (formats.contains(OutputFormat.JSON)) jobs.put("model.json", () -> ModelJson.write(model));
    if (markdown) jobs.put("security.md", () -> new SecurityDocument(model, run, rules).render());
    if (formats.contains(OutputFormat.SARIF)) jobs.put("findings.sarif", () -> new SarifDocument(model, rules).render());
    if (formats.contains(OutputFormat.STRUCTURIZR)) jobs.put("workspace.dsl", () -> new WorkspaceDsl(model).render());
    // Threads of our own: the common pool has one worker on a two-core machine, which made the
    // documents render one after another.
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "infradoc-render");
      t.setDaemon(true);
      return t;
    });
    Map<String, String> files = new LinkedHashMap<>();
    try {
      Map<String, CompletableFuture<String>> running = new LinkedHashMap<>();
      // model.json needs nothing derived: it goes first, so it does not wait for the request graph
      // that architecture.md is building and diagrams.md needs too.
      List<String> order = new java.util.ArrayList<>(jobs.keySet());
      if (order.remove("model.json")) order.add(0, "model.json");
      List<CompletableFuture<String>> parts = architecture.stream().map(p -> CompletableFuture.supplyAsync(p, pool)).toList();
      if (markdown) {
        running.put("architecture.md", CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new))
            .thenApply(done -> String.join("", parts.stream().map(CompletableFuture::join).toList())));
      }
      order.forEach(name -> running.put(name, CompletableFuture.supplyAsync(jobs.get(name), pool)));
      CompletableFuture<Map<String, String>> site = formats.contains(OutputFormat.HTML)
          ? CompletableFuture.supplyAsync(() -> new Site(model, run).render(), pool)
          : CompletableFuture.completedFuture(Map.of());
      if (markdown) files.put("architecture.md", join(running.get("architecture.md")));
      jobs.keySet().forEach(name -> files.put(name, join(running.get(name))));
      files.putAll(join(site));
    } finally {
      pool.shutdown();
    }
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

  /** The result of a render job; a renderer's failure surfaces as itself, not wrapped. */
  private static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      if (e.getCause() instanceof Error err) throw err;
      throw e;
    }
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
