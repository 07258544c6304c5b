package dev.infradoc.testing;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Renders every {@code ```mermaid} block of a Markdown file with the real Mermaid library in
 * headless Chromium (src/test/mermaid/render-check.mjs); set up by scripts/install-mermaid-check.sh.
 */
public final class MermaidCheck {
  private static final long TIMEOUT_SECONDS = 60;

  /** What the check printed and how it ended. */
  public record Result(int exitCode, String output) {
    public boolean rendered() {
      return exitCode == 0;
    }
  }

  private MermaidCheck() {}

  /** Fails, with the check's output (block index, first line, Mermaid's error), unless every block renders. */
  public static void assertRenders(Path markdownFile) {
    Result r = check(markdownFile);
    if (!r.rendered()) {
      throw new AssertionError("Mermaid could not render " + markdownFile + " (exit " + r.exitCode() + "):\n" + r.output());
    }
  }

  /**
   * Runs the check. Options are render-check.mjs's: {@code --text} prints the text each diagram
   * shows, {@code --screenshots DIR} writes a PNG per block.
   */
  public static Result check(Path markdownFile, String... options) {
    Path script = script();
    if (!Files.isDirectory(script.getParent().resolve("node_modules/mermaid"))) {
      throw new AssertionError("the Mermaid check is not installed: run scripts/install-mermaid-check.sh");
    }
    List<String> command = new ArrayList<>(List.of(node(), script.toString(), markdownFile.toAbsolutePath().toString()));
    command.addAll(List.of(options));
    ProcessBuilder pb = new ProcessBuilder(command).directory(script.getParent().toFile()).redirectErrorStream(true);
    pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    try {
      Process p = pb.start();
      CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        // node's children (Chromium) first, so none is left behind
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
        throw new AssertionError("the Mermaid check of " + markdownFile + " took longer than " + TIMEOUT_SECONDS
            + " s:\n" + output.getNow(""));
      }
      return new Result(p.exitValue(), output.join());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run node for the Mermaid check", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while checking " + markdownFile, e);
    }
  }

  private static String node() {
    String configured = System.getenv("MERMAID_CHECK_NODE");
    return configured == null || configured.isBlank() ? "node" : configured;
  }

  // Tests run from the module directory under Maven and from elsewhere in an IDE: walk up to it.
  private static Path script() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("src/test/mermaid/render-check.mjs");
      if (Files.isRegularFile(candidate)) return candidate;
    }
    throw new AssertionError("src/test/mermaid/render-check.mjs not found above " + Path.of("").toAbsolutePath());
  }

  private static String readAll(InputStream in) {
    try (in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      return out.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(output unreadable: " + e.getMessage() + ")";
    }
  }
}
