package dev.infradoc.collect;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Options of a scan that collectors read. Paths that were not given are empty. */
public record CollectOptions(
    Optional<Path> identity,
    Optional<Path> knownHosts,
    boolean acceptNewHostKeys,
    Duration connectTimeout,
    Duration commandTimeout,
    boolean sudo,
    Optional<String> passwordEnv,
    List<Path> varFiles) {

  public static CollectOptions defaults() {
    return new CollectOptions(Optional.empty(), Optional.empty(), false, Duration.ofSeconds(10),
        Duration.ofSeconds(60), false, Optional.empty(), List.of());
  }
}
