package dev.infradoc.history;

import dev.infradoc.model.Model;
import java.io.IOException;
import java.util.List;

/** Where kept scans live: plain files ({@link HistoryStore}) or a shared PostgreSQL database ({@link PostgresHistoryStore}). */
public interface ScanStore {

  /** Keeps the model under its targets key and returns the stored scan. */
  StoredScan save(String key, Model model) throws IOException;

  /** The scans of one key, oldest first. */
  List<StoredScan> list(String key) throws IOException;

  /** The model of a scan this store listed. */
  Model model(StoredScan scan) throws IOException;

  /** The last two scans of a key, older first; fewer when fewer are kept. */
  default List<StoredScan> lastTwo(String key) throws IOException {
    List<StoredScan> scans = list(key);
    return scans.subList(Math.max(0, scans.size() - 2), scans.size());
  }
}
