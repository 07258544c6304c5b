package dev.infradoc.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes documents so that a reader never sees half of them: everything goes to a temporary folder
 * beside the output folder first, and each file is then moved into place atomically. A run killed
 * mid-write leaves the previous documents as they were; the next run removes its staging folder.
 * The files a run wrote are listed in {@value #WRITTEN}; the next run into the same folder removes
 * those it did not write again (the page of a host that left the fleet), and nothing else.
 */
public final class OutputWriter {
  private static final String STAGING = ".infradoc-";
  public static final String WRITTEN = ".infradoc-written";
  private static final Pattern ABANDONED = Pattern.compile("\\.infradoc-(\\d{1,10})-\\d+");

  private OutputWriter() {}

  public static void write(Path outDir, Map<String, String> files) throws IOException {
    Path dir = outDir.toAbsolutePath().normalize();
    Files.createDirectories(dir);
    Path parent = dir.getParent() == null ? dir : dir.getParent();
    removeAbandoned(parent);
    // The staging folder is named after this process, so a later run can tell an abandoned one.
    Path staging = Files.createTempDirectory(parent, STAGING + ProcessHandle.current().pid() + "-");
    List<String> before = previouslyWritten(dir);
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
      for (String stale : before) {
        if (!files.containsKey(stale)) Files.deleteIfExists(dir.resolve(stale));
      }
      Path list = staging.resolve(WRITTEN);
      Files.writeString(list, String.join("\n", files.keySet()) + "\n", StandardCharsets.UTF_8);
      Files.move(list, dir.resolve(WRITTEN), StandardCopyOption.REPLACE_EXISTING);
    } finally {
      delete(staging);
    }
  }

  /**
   * What the previous run listed as written, keeping only plain relative paths inside the folder
   * (the list is ours, but a folder may be shared: nothing outside it is ever removed).
   */
  private static List<String> previouslyWritten(Path dir) throws IOException {
    Path list = dir.resolve(WRITTEN);
    if (!Files.isRegularFile(list)) return List.of();
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
      String name = line.strip();
      if (name.isEmpty() || name.startsWith("/") || name.contains("\\")) continue;
      Path p = dir.resolve(name).normalize();
      if (p.startsWith(dir) && !p.equals(dir) && Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) out.add(name);
    }
    return out;
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
