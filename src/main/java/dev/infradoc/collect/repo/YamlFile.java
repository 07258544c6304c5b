package dev.infradoc.collect.repo;

import java.util.List;
import java.util.Optional;

/**
 * One YAML file as read: its path relative to the target root, its lines (for evidence excerpts),
 * the documents that parsed, and the error that stopped parsing, if any. Documents before an
 * error are kept, so a broken second document does not lose the first.
 */
public record YamlFile(String path, List<String> lines, List<YamlNode> documents, Optional<Error> error) {

  /** Where and why parsing stopped; line and column are 1-based. */
  public record Error(int line, int column, String message) {
    /** {@code path:line:col: message}, the one-line form the documents show. */
    public String oneLine(String path) {
      return path + ":" + line + ":" + column + ": " + message;
    }
  }

  public YamlFile {
    lines = List.copyOf(lines);
    documents = List.copyOf(documents);
  }

  /** The text of a 1-based line, or "" when out of range. */
  public String line(int n) {
    return n >= 1 && n <= lines.size() ? lines.get(n - 1) : "";
  }
}
