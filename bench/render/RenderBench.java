import dev.infradoc.model.Model;
import dev.infradoc.pipeline.Documents;
import dev.infradoc.pipeline.RunInfo;
import dev.infradoc.render.json.ModelJson;
import dev.infradoc.render.markdown.ArchitectureDocument;
import dev.infradoc.render.mermaid.DiagramsDocument;
import dev.infradoc.render.sarif.SarifDocument;
import dev.infradoc.render.security.SecurityDocument;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Benchmark: the documents of one scan rendered from a model.json that a scan wrote (for example
 * of the generated Terraform tree of bench/terraform), without collecting again. Each round renders
 * a fresh copy of the model, so nothing derived from an earlier round is reused. Prints wall and
 * process CPU time: the first round (a cold JVM, as in one CLI run) and the median of ROUNDS more.
 *
 * usage: java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp target/infradoc.jar bench/render/RenderBench.java OUT/model.json
 */
public final class RenderBench {
  private static final int ROUNDS = 5;
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  public static void main(String[] args) throws Exception {
    Model model = ModelJson.read(Files.readString(Path.of(args[0])));
    RunInfo run = new RunInfo("2026-01-01T00:00:00Z", List.of());
    System.out.println(model.components().size() + " components, " + model.dependencies().size() + " dependencies, "
        + model.findings().size() + " findings");
    time("all documents (Documents.render, parallel)", model, m -> Documents.render(m, run).size());
    time("architecture.md", model, m -> new ArchitectureDocument(m, run).render().length());
    time("diagrams.md", model, m -> new DiagramsDocument(m, run).render().length());
    time("security.md", model, m -> new SecurityDocument(m, run, List.of()).render().length());
    time("model.json", model, m -> ModelJson.write(m).length());
    time("findings.sarif", model, m -> new SarifDocument(m, List.of()).render().length());
  }

  private static void time(String what, Model model, Function<Model, Integer> job) {
    long[] wall = new long[ROUNDS + 1];
    long[] cpu = new long[ROUNDS + 1];
    int size = 0;
    for (int i = 0; i <= ROUNDS; i++) {
      Model fresh = new Model(model.schemaVersion(), model.generatedBy(), model.generatedAt(), model.sources(), model.hosts(),
          model.components(), model.dependencies(), model.zones(), model.findings(), model.problems(), model.collections());
      long c = OS.getProcessCpuTime();
      long s = System.nanoTime();
      size = job.apply(fresh);
      wall[i] = (System.nanoTime() - s) / 1_000_000;
      cpu[i] = (OS.getProcessCpuTime() - c) / 1_000_000;
    }
    long[] w = Arrays.copyOfRange(wall, 1, wall.length);
    long[] p = Arrays.copyOfRange(cpu, 1, cpu.length);
    Arrays.sort(w);
    Arrays.sort(p);
    System.out.printf("%-43s first %5d ms wall %5d ms cpu; median %5d ms wall %5d ms cpu (%d chars or files)%n",
        what, wall[0], cpu[0], w[ROUNDS / 2], p[ROUNDS / 2], size);
  }
}
