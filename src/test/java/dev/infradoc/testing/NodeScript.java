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

/** Runs one of the project's node check scripts (src/test/...) with a timeout, killing Chromium too if it hangs. */
final class NodeScript {
  /** What the script printed (stdout and stderr together) and its exit code. */
  record Run(int exitCode, String output) {}

  private NodeScript() {}

  /**
   * Finds {@code relative} (e.g. src/test/mermaid/render-check.mjs) in this module: tests run from
   * the module directory under Maven and from elsewhere in an IDE, so walk up to it.
   */
  static Path find(String relative) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(relative);
      if (Files.isRegularFile(candidate)) return candidate;
    }
    throw new AssertionError(relative + " not found above " + Path.of("").toAbsolutePath());
  }

  /** Runs {@code node script args...} in the script's folder; {@code what} names the check in messages. */
  static Run run(String node, Path script, List<String> args, long timeoutSeconds, String what) {
    List<String> command = new ArrayList<>(List.of(node, script.toString()));
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).directory(script.getParent().toFile()).redirectErrorStream(true);
    pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    try {
      Process p = pb.start();
      CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        // node's children (Chromium) first, so none is left behind
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
        throw new AssertionError(what + " took longer than " + timeoutSeconds + " s:\n" + output.getNow(""));
      }
      return new Run(p.exitValue(), output.join());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run node for " + what, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted during " + what, e);
    }
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
