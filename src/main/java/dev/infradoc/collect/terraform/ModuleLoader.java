package dev.infradoc.collect.terraform;

import dev.infradoc.model.Collection;
import dev.infradoc.model.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Reads module directories once each: every {@code .tf} file parsed, files that do not parse
 * reported as {@code path:line:col: what} and skipped, the others still read.
 */
final class ModuleLoader {
  private final Path target;
  private final String sourceId;
  private final TreeSet<Problem> problems;
  private final List<Collection.Step> steps;
  private final Map<Path, ModuleDecl> cache = new HashMap<>();

  ModuleLoader(Path target, String sourceId, TreeSet<Problem> problems, List<Collection.Step> steps) {
    this.target = target;
    this.sourceId = sourceId;
    this.problems = problems;
    this.steps = steps;
  }

  /** The module in {@code dir}, or null when the directory does not exist. */
  ModuleDecl load(Path dir) {
    Path key = dir.toAbsolutePath().normalize();
    if (!cache.containsKey(key)) loadAll(List.of(key));
    return cache.get(key);
  }

  /**
   * Reads the modules in these directories that are not read yet. Parsing is most of reading a
   * large tree and each file is independent: the files of all the directories are parsed in one
   * parallel batch, then recorded in directory and file order so problems and steps do not depend
   * on timing.
   */
  void loadAll(List<Path> dirs) {
    Map<Path, List<Path>> filesByDir = new LinkedHashMap<>();
    for (Path dir : dirs) {
      Path key = dir.toAbsolutePath().normalize();
      if (cache.containsKey(key) || filesByDir.containsKey(key)) continue;
      if (Files.isDirectory(key)) {
        filesByDir.put(key, tfFiles(key));
      } else {
        cache.put(key, null);
      }
    }
    List<Path> all = filesByDir.values().stream().flatMap(List::stream).toList();
    List<HclParsing.Result> results = all.parallelStream().map(f -> HclParsing.parse(f, relative(f))).toList();
    int next = 0;
    for (Map.Entry<Path, List<Path>> e : filesByDir.entrySet()) {
      List<HclFile> files = new ArrayList<>();
      for (Path path : e.getValue()) {
        HclFile parsed = record(relative(path), results.get(next++));
        if (parsed != null) files.add(parsed);
      }
      cache.put(e.getKey(), new ModuleDecl(relative(e.getKey()), files));
    }
  }

  /** What was scanned: a directory, or a single file. */
  Path target() {
    return target;
  }

  /** A module made of one file (a target that is a single .tf file). */
  ModuleDecl loadFile(Path file) {
    HclFile parsed = parse(file);
    Path dir = file.toAbsolutePath().normalize().getParent();
    return new ModuleDecl(relative(dir), parsed == null ? List.of() : List.of(parsed));
  }

  HclFile parse(Path file) {
    String rel = relative(file);
    return record(rel, HclParsing.parse(file, rel));
  }

  private HclFile record(String rel, HclParsing.Result r) {
    if (r.file() == null) {
      problems.add(new Problem(sourceId, rel + ":" + r.error(), rel.endsWith(".json") ? "the file does not parse as Terraform JSON" : "the file does not parse as HCL",
          "fix the syntax; the other files were read"));
      steps.add(new Collection.Step(rel, "parse HCL", 1, 0));
      return null;
    }
    for (String recovered : r.recovered()) {
      problems.add(new Problem(sourceId, rel + ":" + recovered,
          "the parser recovered from this; values in that expression are kept as written", ""));
    }
    steps.add(new Collection.Step(rel, "parse HCL", 0, lineCount(r.file())));
    return r.file();
  }

  private static int lineCount(HclFile f) {
    return f.lineCount();
  }

  static List<Path> tfFiles(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> isModuleFile(p) && Files.isRegularFile(p)).sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /** A file of a module's code: .tf, or .tf.json (Terraform's JSON syntax). */
  static boolean isModuleFile(Path p) {
    String name = p.getFileName().toString();
    return name.endsWith(".tf") || TfJson.isTfJson(name);
  }

  /** A path relative to the target directory, with forward slashes. */
  String relative(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    Path base = Files.isDirectory(target) ? target.toAbsolutePath().normalize()
        : target.toAbsolutePath().normalize().getParent();
    String rel = base.relativize(abs).toString().replace('\\', '/');
    return rel;
  }
}
