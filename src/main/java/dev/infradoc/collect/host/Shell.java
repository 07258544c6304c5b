package dev.infradoc.collect.host;

import dev.infradoc.collect.CollectionException;
import java.time.Duration;
import java.util.List;

/**
 * Where the probe runs: this machine, or one SSH connection. A shell runs {@code sh -c SCRIPT
 * infradoc ARGS...} with {@code stdin} as its input. The script is always InfraDoc's own; args are
 * values InfraDoc made (never text read from a target), and target-derived data goes on stdin.
 */
public interface Shell extends AutoCloseable {

  /** Output above this many bytes per stream is cut, and the result says so. */
  int MAX_OUTPUT_BYTES = 64 * 1024 * 1024;

  ShellResult run(String script, List<String> args, String stdin, Duration timeout)
      throws CollectionException;

  /** How this shell reaches its host, for messages: {@code local} or {@code root@web01:22}. */
  String describe();

  @Override
  void close();
}
