package dev.infradoc.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes documents so that a reader never sees half of them: everything goes to a temporary folder
 * beside the output folder first, and each file is then moved into place atomically. A run killed
 * mid-write leaves the previous documents as they were; the next run removes its staging folder.
 */
public final class OutputWriter {
  private static final String STAGING = ".infradoc-";
  private static final Pattern ABANDONED = Pattern.compile("\\.infradoc-(\\d{1,10})-\\d+");

  private OutputWriter() {}

  public static void write(Path outDir, Map<String, String> files) throws IOException {
    Path dir = outDir.toAbsolutePath().normalize();
    Files.createDirectories(dir);
    Path parent = dir.getParent() == null ? dir : dir.getParent();
    removeAbandoned(parent);
    // The staging folder is named after this process, so a later run can tell an abandoned one.
    Path staging = Files.createTempDirectory(parent, STAGING + ProcessHandle.current().pid() + "-");
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
      delete(staging);
    }
  }

  /** Staging folders of runs that were killed mid-write (their process is gone) are removed. */
  private static void removeAbandoned(Path parent) throws IOException {
    try (Stream<Path> siblings = Files.list(parent)) {
      for (Path p : siblings.toList()) {
        Matcher m = ABANDONED.matcher(p.getFileName().toString());
        if (m.matches() && Files.isDirectory(p) && ProcessHandle.of(Long.parseLong(m.group(1))).isEmpty()) delete(p);
      }
    }
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> left = Files.walk(dir)) {
      left.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
