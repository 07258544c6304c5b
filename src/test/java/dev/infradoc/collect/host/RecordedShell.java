package dev.infradoc.collect.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Replays probe output recorded from a real host (see {@link RecordProbe}): round N returns
 * roundN.out / roundN.err from a golden case folder, with the recorded marker nonce replaced by
 * the one this run asked for. Not a stand-in for a server: it is the server's recorded answer.
 */
public final class RecordedShell implements Shell {
  static final String RECORDED_NONCE = "0000000000000000";
  private final Path dir;
  private int round;

  public RecordedShell(Path dir) {
    this.dir = dir;
  }

  @Override
  public ShellResult run(String script, List<String> args, String stdin, Duration timeout) {
    round++;
    String nonce = args.get(0);
    return new ShellResult(read("round" + round + ".out", nonce), read("round" + round + ".err", nonce), 0, false);
  }

  private String read(String name, String nonce) {
    Path p = dir.resolve(name);
    try {
      return Files.exists(p) ? Files.readString(p).replace(RECORDED_NONCE, nonce) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String describe() {
    return "root@recorded-host";
  }

  @Override
  public void close() {}
}
