package dev.infradoc.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens every page of a generated site in headless Chromium (src/test/site/site-check.mjs): console
 * errors, diagrams, links, injected elements, search. Set up by scripts/install-mermaid-check.sh.
 */
public final class SiteCheck {
  private static final long TIMEOUT_SECONDS = 300;

  /** What the check printed and how it ended. */
  public record Result(int exitCode, String output) {}

  private SiteCheck() {}

  /** Runs the check on a site folder with site-check.mjs's options (--screenshots DIR, --search Q --expect T). */
  public static Result check(Path siteDir, String... options) {
    Path script = NodeScript.find("src/test/site/site-check.mjs");
    if (!Files.isDirectory(script.getParent().resolve("../mermaid/node_modules/playwright-core"))) {
      throw new AssertionError("the site check is not installed: run scripts/install-mermaid-check.sh");
    }
    List<String> args = new ArrayList<>(List.of(siteDir.toAbsolutePath().toString()));
    args.addAll(List.of(options));
    NodeScript.Run run = NodeScript.run("node", script, args, TIMEOUT_SECONDS, "the site check of " + siteDir);
    return new Result(run.exitCode(), run.output());
  }
}
