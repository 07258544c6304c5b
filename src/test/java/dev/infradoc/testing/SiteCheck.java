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
    Path script = script();
    if (!Files.isDirectory(script.getParent().resolve("../mermaid/node_modules/playwright-core"))) {
      throw new AssertionError("the site check is not installed: run scripts/install-mermaid-check.sh");
    }
    List<String> command = new ArrayList<>(List.of("node", script.toString(), siteDir.toAbsolutePath().toString()));
    command.addAll(List.of(options));
    ProcessBuilder pb = new ProcessBuilder(command).directory(script.getParent().toFile()).redirectErrorStream(true);
    pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    try {
      Process p = pb.start();
      CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
        throw new AssertionError("the site check of " + siteDir + " took longer than " + TIMEOUT_SECONDS + " s:\n" + output.getNow(""));
      }
      return new Result(p.exitValue(), output.join());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run node for the site check", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while checking " + siteDir, e);
    }
  }

  private static Path script() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("src/test/site/site-check.mjs");
      if (Files.isRegularFile(candidate)) return candidate;
    }
    throw new AssertionError("src/test/site/site-check.mjs not found above " + Path.of("").toAbsolutePath());
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
