package dev.infradoc.collect.repo;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/** Paths written in a repository file, resolved to paths relative to the repository root (as {@link RepoTree} writes them). */
public final class RepoPaths {
  private RepoPaths() {}

  /**
   * {@code written} (relative to {@code folder}, itself relative to the root; "" for the root) as a
   * root-relative path without "." or ".." parts; empty when it is absolute, a URL, uses a variable
   * or the home folder, or leaves the repository.
   */
  public static Optional<String> inRepo(String folder, String written) {
    String w = written.strip().replace('\\', '/');
    if (w.isEmpty() || w.startsWith("/") || w.startsWith("~") || w.contains("$") || w.contains("://")
        || w.matches("[A-Za-z]:/.*") || w.startsWith("git@")) {
      return Optional.empty();
    }
    Deque<String> parts = new ArrayDeque<>();
    for (String p : (folder.isEmpty() ? w : folder + "/" + w).split("/+")) {
      if (p.isEmpty() || p.equals(".")) continue;
      if (p.equals("..")) {
        if (parts.isEmpty()) return Optional.empty();
        parts.removeLast();
      } else {
        parts.addLast(p);
      }
    }
    return Optional.of(String.join("/", parts));
  }
}
