package dev.infradoc.collect.host;

import dev.infradoc.collect.CollectionException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs the probe on this machine with /bin/sh, exactly as SSH would run it remotely. */
public final class LocalShell implements Shell {
  private final List<String> prefix;

  /** @param sudo run through {@code sudo -n} (never prompts) */
  public LocalShell(boolean sudo) {
    this.prefix = sudo ? List.of("sudo", "-n", "/bin/sh", "-c") : List.of("/bin/sh", "-c");
  }

  @Override
  public ShellResult run(String script, List<String> args, String stdin, Duration timeout)
      throws CollectionException {
    List<String> command = new ArrayList<>(prefix);
    command.add(script);
    command.add("infradoc");
    command.addAll(args);
    Process process;
    try {
      process = new ProcessBuilder(command).start();
    } catch (IOException e) {
      throw new CollectionException("local: cannot start /bin/sh: " + e.getMessage(),
          "InfraDoc needs a POSIX shell at /bin/sh", e);
    }
    BoundedOutput out = new BoundedOutput(MAX_OUTPUT_BYTES);
    BoundedOutput err = new BoundedOutput(MAX_OUTPUT_BYTES);
    CompletableFuture<Void> readOut = drain(process.getInputStream(), out);
    CompletableFuture<Void> readErr = drain(process.getErrorStream(), err);
    try (OutputStream in = process.getOutputStream()) {
      in.write(stdin.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      // The script may exit before reading all of stdin; its output still counts.
    }
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        throw new CollectionException("local: the probe did not finish within "
            + timeout.toSeconds() + " s", "raise --command-timeout or look for a hung command (an NFS mount?)");
      }
      readOut.join();
      readErr.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new CollectionException("local: interrupted", "");
    }
    return new ShellResult(out.text(), err.text(), process.exitValue(), out.truncated() || err.truncated());
  }

  private static CompletableFuture<Void> drain(java.io.InputStream in, BoundedOutput sink) {
    return CompletableFuture.runAsync(() -> {
      try (in) {
        sink.drain(in);
      } catch (IOException e) {
        // stream closed by a killed process: what was read so far is kept
      }
    });
  }

  @Override
  public String describe() {
    return "local";
  }

  @Override
  public void close() {}
}
