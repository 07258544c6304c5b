package dev.infradoc.history;

import dev.infradoc.model.Model;
import dev.infradoc.model.Source;
import dev.infradoc.render.json.ModelJson;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Scan history as plain files: {@code DIR/KEY/2026-06-01T10-00-00Z.model.json} per scan (exactly the
 * model.json the scan wrote, already redacted) and {@code DIR/KEY/index.tsv} with one line per scan
 * (time, file, counts, source ids: all copied from the model). The model files are the truth; the
 * index only spares {@code history} from parsing every model, and is rebuilt from them when it
 * lacks one.
 */
public final class HistoryStore {
  static final String INDEX = "index.tsv";
  private static final String SUFFIX = ".model.json";
  private static final Comparator<StoredScan> ORDER =
      Comparator.comparing(StoredScan::generatedAt).thenComparingInt(HistoryStore::sequence)
          .thenComparing(s -> s.file().getFileName().toString());

  private final Path dir;

  public HistoryStore(Path dir) {
    this.dir = dir.toAbsolutePath().normalize();
  }

  /** {@code ~/.infradoc/history}. */
  public static Path defaultDir() {
    return Path.of(System.getProperty("user.home"), ".infradoc", "history");
  }

  public Path dir() {
    return dir;
  }

  /** Keeps the model under its targets key and returns the stored scan. */
  public StoredScan save(String key, Model model) throws IOException {
    if (!TargetsKey.isKey(key)) throw new IllegalArgumentException("not a targets key: " + key);
    createPrivate(dir);
    Path keyDir = dir.resolve(key);
    createPrivate(keyDir);
    String json = ModelJson.write(model);
    try (FileChannel lockFile = FileChannel.open(keyDir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock ignored = lockFile.lock()) {
      // Two scans of the same targets in the same second get distinct files.
      String stem = model.generatedAt().replace(':', '-');
      Path file = keyDir.resolve(stem + SUFFIX);
      for (int n = 2; Files.exists(file); n++) file = keyDir.resolve(stem + "-" + n + SUFFIX);
      writeAtomically(file, json);
      StoredScan scan = summary(key, file, model);
      List<StoredScan> all = new ArrayList<>(list(key));
      if (all.stream().noneMatch(s -> s.file().equals(scan.file()))) all.add(scan);
      all.sort(ORDER);
      writeIndex(keyDir, all);
      return scan;
    }
  }

  /** The scans of one key, oldest first. */
  public List<StoredScan> list(String key) throws IOException {
    Path keyDir = dir.resolve(key);
    if (!TargetsKey.isKey(key) || !Files.isDirectory(keyDir)) return List.of();
    Map<Path, StoredScan> found = new LinkedHashMap<>();
    Path index = keyDir.resolve(INDEX);
    if (Files.exists(index)) {
      for (String line : Files.readAllLines(index, StandardCharsets.UTF_8)) {
        StoredScan s = parse(key, keyDir, line);
        if (s != null && Files.isRegularFile(s.file())) found.put(s.file(), s);
      }
    }
    try (Stream<Path> files = Files.list(keyDir)) {
      for (Path f : files.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList()) {
        if (!found.containsKey(f)) found.put(f, summary(key, f, read(f)));
      }
    }
    return found.values().stream().sorted(ORDER).toList();
  }

  /** Every key in the store, sorted. */
  public List<String> keys() throws IOException {
    if (!Files.isDirectory(dir)) return List.of();
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.filter(Files::isDirectory).map(p -> p.getFileName().toString()).filter(TargetsKey::isKey).sorted().toList();
    }
  }

  /** The key whose latest scan is the most recent of the store: what "the last scan" means without targets. */
  public Optional<String> latestKey() throws IOException {
    StoredScan latest = null;
    for (String key : keys()) {
      List<StoredScan> scans = list(key);
      if (scans.isEmpty()) continue;
      StoredScan last = scans.get(scans.size() - 1);
      if (latest == null || ORDER.compare(last, latest) > 0) latest = last;
    }
    return Optional.ofNullable(latest).map(StoredScan::key);
  }

  /** The last two scans of a key, older first; fewer when fewer are kept. */
  public List<StoredScan> lastTwo(String key) throws IOException {
    List<StoredScan> scans = list(key);
    return scans.subList(Math.max(0, scans.size() - 2), scans.size());
  }

  public static Model read(Path file) throws IOException {
    return ModelJson.read(Files.readString(file, StandardCharsets.UTF_8));
  }

  /** 1 for "…Z.model.json", N for the Nth scan of the same second ("…Z-N.model.json"). */
  private static int sequence(StoredScan s) {
    String name = s.file().getFileName().toString();
    String stamp = s.generatedAt().replace(':', '-');
    if (!name.startsWith(stamp) || !name.endsWith(SUFFIX)) return 0;
    String rest = name.substring(stamp.length(), name.length() - SUFFIX.length());
    if (rest.isEmpty()) return 1;
    try {
      return Integer.parseInt(rest.substring(1));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static StoredScan summary(String key, Path file, Model m) {
    return new StoredScan(key, m.generatedAt(), file, m.components().size(), m.dependencies().size(), m.findings().size(),
        m.sources().stream().map(Source::id).sorted().toList());
  }

  private static StoredScan parse(String key, Path keyDir, String line) {
    String[] f = line.split("\t", -1);
    if (f.length != 6 || f[1].contains("/") || !f[1].endsWith(SUFFIX)) return null; // a damaged line: the file scan finds it
    try {
      return new StoredScan(key, f[0], keyDir.resolve(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3]),
          Integer.parseInt(f[4]), f[5].isEmpty() ? List.of() : List.of(f[5].split(" ")));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static void writeIndex(Path keyDir, List<StoredScan> scans) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (StoredScan s : scans) {
      // Source ids carry no tab or newline (they are target names and paths); spaces separate them.
      sb.append(s.generatedAt()).append('\t').append(s.file().getFileName()).append('\t').append(s.components())
          .append('\t').append(s.dependencies()).append('\t').append(s.findings()).append('\t')
          .append(String.join(" ", s.sources().stream().map(x -> x.replaceAll("[\\s]", "_")).toList())).append('\n');
    }
    writeAtomically(keyDir.resolve(INDEX), sb.toString());
  }

  private static void writeAtomically(Path file, String content) throws IOException {
    Path tmp = Files.createTempFile(file.getParent(), ".tmp-", ".part");
    try {
      Files.writeString(tmp, content, StandardCharsets.UTF_8);
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** The history holds facts about infrastructure: only its owner may read it. */
  private static void createPrivate(Path d) throws IOException {
    if (Files.isDirectory(d)) return;
    Files.createDirectories(d);
    try {
      Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwx------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: its own permissions apply
    }
  }
}
