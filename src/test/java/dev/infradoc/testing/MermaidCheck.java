package dev.infradoc.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
    Path script = NodeScript.find("src/test/mermaid/render-check.mjs");
    if (!Files.isDirectory(script.getParent().resolve("node_modules/mermaid"))) {
      throw new AssertionError("the Mermaid check is not installed: run scripts/install-mermaid-check.sh");
    }
    List<String> args = new ArrayList<>(List.of(markdownFile.toAbsolutePath().toString()));
    args.addAll(List.of(options));
    NodeScript.Run run = NodeScript.run(node(), script, args, TIMEOUT_SECONDS, "the Mermaid check of " + markdownFile);
    return new Result(run.exitCode(), run.output());
  }

  private static String node() {
    String configured = System.getenv("MERMAID_CHECK_NODE");
    return configured == null || configured.isBlank() ? "node" : configured;
  }
}
