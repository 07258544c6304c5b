package dev.infradoc.collect.repo;

import dev.infradoc.collect.Target;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The files of a path target: a directory walked (without following links, skipping tool and
 * dependency folders) or a single file. Paths are relative to the root, with '/' separators,
 * sorted, so evidence locators are short and the same on every machine.
 */
public final class RepoTree {
  /** Folders that hold tools' caches or third-party code, never the repository's own IaC. */
  static final Set<String> SKIPPED = Set.of(".git", "node_modules", "vendor", ".terraform");

  private final Path root;
  private final List<String> files;
  private final List<String> unreadable;

  private RepoTree(Path root, List<String> files, List<String> unreadable) {
    this.root = root;
    this.files = List.copyOf(files);
    this.unreadable = List.copyOf(unreadable);
  }

  /** The directory evidence paths are relative to: the target itself, or a file target's folder. */
  public static Path rootOf(Target target) {
    Path p = target.path().normalize();
    if (Files.isDirectory(p)) return p;
    Path parent = p.toAbsolutePath().getParent();
    return parent == null ? p : parent;
  }

  /** A short name for the target root, used in source ids ("compose:shop"). */
  public static String rootName(Target target) {
    Path abs = rootOf(target).toAbsolutePath().normalize();
    Path name = abs.getFileName();
    return name == null ? "/" : name.toString();
  }

  /** Where the target is, as the user named it; the sources' location. */
  public static String location(Target target) {
    return target.path().normalize().toString();
  }

  /** All files of the target that the filter accepts (given the relative path). */
  public static RepoTree walk(Target target, Predicate<String> accept) {
    Path root = rootOf(target);
    List<String> files = new ArrayList<>();
    List<String> unreadable = new ArrayList<>();
    Path p = target.path().normalize();
    if (Files.isRegularFile(p)) {
      String rel = p.getFileName().toString();
      if (accept.test(rel)) files.add(rel);
      return new RepoTree(root, files, unreadable);
    }
    visit(root, accept, false, files, unreadable);
    files.sort(null);
    unreadable.sort(null);
    return new RepoTree(root, files, unreadable);
  }

  /** True as soon as one accepted file is found; what {@code supports} uses. */
  public static boolean any(Target target, Predicate<String> accept) {
    if (target == null || target.kind() != Target.Kind.PATH || target.path() == null) return false;
    Path p = target.path().normalize();
    if (Files.isRegularFile(p)) return accept.test(p.getFileName().toString());
    if (!Files.isDirectory(p)) return false;
    List<String> found = new ArrayList<>();
    visit(p, accept, true, found, new ArrayList<>());
    return !found.isEmpty();
  }

  private static void visit(Path root, Predicate<String> accept, boolean stopAtFirst,
      List<String> files, List<String> unreadable) {
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          if (!dir.equals(root) && SKIPPED.contains(dir.getFileName().toString())) {
            return FileVisitResult.SKIP_SUBTREE;
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if (!attrs.isRegularFile()) return FileVisitResult.CONTINUE;
          String rel = relative(root, file);
          if (accept.test(rel)) {
            files.add(rel);
            if (stopAtFirst) return FileVisitResult.TERMINATE;
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          unreadable.add(relative(root, file));
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      unreadable.add(".");
    }
  }

  static String relative(Path root, Path file) {
    return root.relativize(file).toString().replace('\\', '/');
  }

  public Path root() {
    return root;
  }

  /** Accepted files, relative to the root, sorted. */
  public List<String> files() {
    return files;
  }

  /** Files or folders that could not be listed or opened, relative to the root. */
  public List<String> unreadable() {
    return unreadable;
  }

  /** The file name part of a relative path. */
  public static String fileName(String rel) {
    int slash = rel.lastIndexOf('/');
    return slash < 0 ? rel : rel.substring(slash + 1);
  }

  /** The folder part of a relative path ("" for the root). */
  public static String folder(String rel) {
    int slash = rel.lastIndexOf('/');
    return slash < 0 ? "" : rel.substring(0, slash);
  }
}
