package dev.infradoc.history;

import java.nio.file.Path;
import java.util.List;

/** One kept scan: its targets key, when it ran, its file, and counts and sources read from its model.json. */
public record StoredScan(String key, String generatedAt, Path file, int components, int dependencies, int findings,
    List<String> sources) {

  public StoredScan {
    sources = List.copyOf(sources);
  }
}
