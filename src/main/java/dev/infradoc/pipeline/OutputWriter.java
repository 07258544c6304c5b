package dev.infradoc.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes documents so that a reader never sees half of them: everything goes to a temporary folder
 * beside the output folder first, and each file is then moved into place atomically.
 */
public final class OutputWriter {
  private OutputWriter() {}

  public static void write(Path outDir, Map<String, String> files) throws IOException {
    Path dir = outDir.toAbsolutePath().normalize();
    Files.createDirectories(dir);
    Path staging = Files.createTempDirectory(dir.getParent() == null ? dir : dir.getParent(), ".infradoc-");
    try {
      for (Map.Entry<String, String> f : files.entrySet()) {
        Path file = staging.resolve(f.getKey());
        Files.createDirectories(file.getParent()); // hosts/NAME.md of a fleet
        Files.writeString(file, f.getValue(), StandardCharsets.UTF_8);
      }
      for (String name : files.keySet()) {
        Files.createDirectories(dir.resolve(name).getParent());
        try {
          Files.move(staging.resolve(name), dir.resolve(name), StandardCopyOption.ATOMIC_MOVE,
              StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(staging.resolve(name), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } finally {
      try (Stream<Path> left = Files.walk(staging)) {
        left.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
