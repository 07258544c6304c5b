package dev.infradoc.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run killed with SIGKILL while writing large documents leaves the previous documents intact. */
class OutputWriterKillTest {
  private static final List<String> NAMES = List.of("architecture.md", "diagrams.md", "model.json");

  /** The child: writes three large documents into args[0], marking each with args[1]. */
  public static void main(String[] args) throws Exception {
    Map<String, String> files = new LinkedHashMap<>();
    for (String name : NAMES) files.put(name, (args[1] + " " + name + "\n").repeat(4_000_000));
    OutputWriter.write(Path.of(args[0]), files);
  }

  @Test
  void write_killedMidWrite_leavesPreviousDocumentsIntact_andTheNextRunCleansUp(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("docs");
    Map<String, String> previous = new LinkedHashMap<>();
    for (String name : NAMES) previous.put(name, "previous " + name + "\n");
    OutputWriter.write(out, previous);

    int killedWhileStaging = 0;
    for (int attempt = 0; attempt < 3; attempt++) {
      Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), OutputWriterKillTest.class.getName(), out.toString(), "new")
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
      // Kill as soon as a staged document has bytes in it: the write is under way.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (child.isAlive() && System.nanoTime() < deadline && !stagedBytes(tmp)) Thread.sleep(2);
      if (child.isAlive()) killedWhileStaging++;
      child.destroyForcibly().waitFor();   // SIGKILL: no finally block runs
      for (String name : NAMES) {
        assertThat(out.resolve(name)).as(name).hasContent("previous " + name);
      }
      try (Stream<Path> files = Files.list(out)) {
        // The documents and the list of what the previous run wrote: no half-written or staged file.
        assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
            .isEqualTo(java.util.stream.Stream.concat(NAMES.stream(), Stream.of(OutputWriter.WRITTEN)).sorted().toList());
      }
    }
    assertThat(killedWhileStaging).as("kills that landed mid-write").isPositive();

    OutputWriter.write(out, previous);
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left.map(p -> p.getFileName().toString()).toList()).containsExactly("docs");
    }
  }

  private static boolean stagedBytes(Path parent) throws Exception {
    try (Stream<Path> dirs = Files.list(parent)) {
      for (Path d : dirs.filter(p -> p.getFileName().toString().startsWith(".infradoc-")).toList()) {
        try (Stream<Path> files = Files.list(d)) {
          for (Path f : files.toList()) if (Files.size(f) > 0) return true;
        } catch (java.nio.file.NoSuchFileException gone) {
          // the writer moved or removed it meanwhile
        }
      }
    }
    return false;
  }
}
