package dev.infradoc.history;

import dev.infradoc.model.Model;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where kept scans live: plain files ({@link HistoryStore}) or a shared PostgreSQL database ({@link PostgresHistoryStore}). */
public interface ScanStore {

  /**
   * The store a {@code --store} value names: a {@code jdbc:postgresql://} URL (password from the
   * environment), else a folder; none: {@code ~/.infradoc/history}.
   */
  static ScanStore at(String location, Map<String, String> environment) {
    if (location == null) return new HistoryStore(HistoryStore.defaultDir());
    if (PostgresHistoryStore.isUrl(location)) return PostgresHistoryStore.open(location, environment);
    return new HistoryStore(Path.of(location));
  }

  /** Where the store is, for messages: a folder, or a database URL without its parameters. */
  String describe();

  /** Keeps the model under its targets key and returns the stored scan. */
  StoredScan save(String key, Model model) throws IOException;

  /** The scans of one key, oldest first. */
  List<StoredScan> list(String key) throws IOException;

  /** Every key in the store, sorted. */
  List<String> keys() throws IOException;

  /** The key whose latest scan is the most recent of the store: what "the last scan" means without targets. */
  Optional<String> latestKey() throws IOException;

  /** The model of a scan this store listed. */
  Model model(StoredScan scan) throws IOException;

  /** The last two scans of a key, older first; fewer when fewer are kept. */
  default List<StoredScan> lastTwo(String key) throws IOException {
    List<StoredScan> scans = list(key);
    return scans.subList(Math.max(0, scans.size() - 2), scans.size());
  }
}
