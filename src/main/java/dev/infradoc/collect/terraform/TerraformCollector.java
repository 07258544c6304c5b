package dev.infradoc.collect.terraform;

import dev.infradoc.collect.CollectContext;
import dev.infradoc.collect.CollectionException;
import dev.infradoc.collect.Collector;
import dev.infradoc.collect.Target;
import dev.infradoc.model.Collection;
import dev.infradoc.model.Fragment;
import dev.infradoc.model.Joins;
import dev.infradoc.model.Problem;
import dev.infradoc.model.Source;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Reads Terraform in a directory or file: every root module (a directory of .tf files no other
 * module uses as a local source), the local modules they call, their variables, and state or
 * plan JSON files. Ids are {@code tf:<address>}, prefixed by the root's directory when the target
 * holds several roots.
 */
public final class TerraformCollector implements Collector {
  private static final Set<String> SKIP_DIRS = Set.of(".git", ".terraform", "node_modules", ".terragrunt-cache");
  private static final long MAX_JSON = 200L * 1024 * 1024;

  /**
   * The type table, read once per process in the background from when the collector is first
   * made: reading it is a cold YAML parse that would otherwise hold up the start of every scan,
   * and nothing needs it before the code has been parsed.
   */
  private static final CompletableFuture<ResourceTypes> TYPES = CompletableFuture.supplyAsync(ResourceTypes::load);

  @Override
  public boolean supports(Target target) {
    if (target.kind() != Target.Kind.PATH || target.path() == null || !Files.exists(target.path())) return false;
    return !scan(target.path(), true).isEmpty();
  }

  @Override
  public Fragment collect(Target target, CollectContext context) throws CollectionException {
    Path path = target.path();
    if (target.kind() != Target.Kind.PATH || path == null || !Files.exists(path)) {
      throw new CollectionException(target.display() + ": no such file or directory", "give a path to Terraform code");
    }
    List<Path> files = scan(path, false);
    if (files.isEmpty()) {
      throw new CollectionException(target.display() + ": no .tf, .tfstate or plan JSON files",
          "point at a Terraform root module or repository");
    }
    String sourceId = "terraform:" + target.display();
    Fragment fragment = new Fragment();
    fragment.sources.add(new Source(sourceId, "terraform", target.display()));
    TreeSet<Problem> problems = new TreeSet<>();
    List<Collection.Step> steps = new ArrayList<>();
    ModuleLoader loader = new ModuleLoader(path, sourceId, problems, steps);
    List<ResourceRecord> records = new ArrayList<>();

    long mark = System.nanoTime();
    Map<Path, ModuleDecl> dirs = new TreeMap<>();
    if (Files.isDirectory(path)) {
      loader.loadAll(files.stream().filter(ModuleLoader::isModuleFile).map(f -> f.toAbsolutePath().normalize().getParent()).toList());
    }
    for (Path f : files) {
      if (!ModuleLoader.isModuleFile(f)) continue;
      Path dir = f.toAbsolutePath().normalize().getParent();
      if (!dirs.containsKey(dir)) dirs.put(dir, Files.isDirectory(path) ? loader.load(dir) : loader.loadFile(f));
    }
    Set<Path> used = new HashSet<>();
    dirs.forEach((dir, decl) -> decl.modules.values().forEach(m -> {
      var src = ModuleDecl.value(m.node(), "source");
      String s = src == null ? "" : Evaluator.eval(src, Scope.EMPTY).display();
      if (s.startsWith("./") || s.startsWith("../")) used.add(dir.resolve(s).normalize());
    }));
    List<Path> roots = dirs.keySet().stream().filter(d -> !used.contains(d)).toList();
    mark = phase(context, target, "parse", mark);
    for (Path root : roots) {
      TfRun run = run(sourceId, loader, root, context, problems);
      Map<String, ModuleInstance.Input> vars = VarFiles.load(run, root, context.options().varFiles(), steps);
      ModuleInstance instance = new ModuleInstance(run, dirs.get(root), root, "", 0, vars);
      instance.emit();
      records.addAll(run.records);
      // `terraform apply` in this folder applies every resource of the root, its modules' included.
      String rel = loader.relative(root);
      if (!rel.startsWith("..")) run.records.forEach(r -> fragment.joins.units.add(new Joins.Unit(r.id, Joins.Unit.TERRAFORM_ROOT, rel.isEmpty() ? "." : rel)));
    }
    for (Path f : files) {
      if (ModuleLoader.isModuleFile(f)) continue;
      TfRun run = run(sourceId, loader, f.toAbsolutePath().normalize().getParent(), context, problems);
      String rel = loader.relative(f);
      try {
        boolean read = StateReader.read(run, f, run.records);
        steps.add(new Collection.Step(rel, "read state/plan JSON", read ? 0 : 1, 0));
        if (!read) problems.add(new Problem(sourceId, rel, "not a Terraform state (version 4) or show/plan JSON file", ""));
      } catch (LinedJson.Invalid e) {
        steps.add(new Collection.Step(rel, "read state/plan JSON", 1, 0));
        problems.add(new Problem(sourceId, rel, "not valid JSON: " + e.line + ":" + e.column + ": " + e.what, ""));
      } catch (IOException | RuntimeException e) {
        // Not the JSON itself (that is Invalid above): the file could not be read, or a value in it
        // has a shape the reader does not expect. Still one line, with where it is.
        steps.add(new Collection.Step(rel, "read state/plan JSON", 1, 0));
        problems.add(new Problem(sourceId, rel, "not read: 1:1: " + e.getClass().getSimpleName() + " " + firstLine(e.getMessage()), ""));
      }
      records.addAll(run.records);
    }
    mark = phase(context, target, "evaluate", mark);
    FragmentWriter.write(records, fragment);
    fragment.problems.addAll(problems);
    steps.sort((a, b) -> a.name().compareTo(b.name()));
    fragment.collections.add(new Collection(sourceId, List.copyOf(steps)));
    phase(context, target, "model", mark);
    return fragment;
  }

  private static long phase(CollectContext context, Target target, String name, long since) {
    long now = System.nanoTime();
    context.events().phase(target, "terraform " + name, (now - since) / 1_000_000);
    return now;
  }

  private TfRun run(String sourceId, ModuleLoader loader, Path rootDir, CollectContext context, TreeSet<Problem> problems) {
    String rel = loader.relative(rootDir);
    String prefix = rel.isEmpty() || !Files.isDirectory(rootDir) ? "tf:" : "tf:" + rel + "/";
    if (loader.relative(rootDir).startsWith("..")) prefix = "tf:";
    return new TfRun(sourceId, prefix, types(), context.redactor(), loader, problems, rootDir,
        Files.isDirectory(loader.target()) ? loader.target() : loader.target().toAbsolutePath().getParent());
  }

  private static ResourceTypes types() {
    try {
      return TYPES.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      throw e;
    }
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
  }

  /** Terraform files under the path, sorted; {@code first} stops at the first one. */
  private static List<Path> scan(Path path, boolean first) {
    List<Path> out = new ArrayList<>();
    if (Files.isRegularFile(path)) {
      if (isTerraform(path)) out.add(path);
      return out;
    }
    try {
      Files.walkFileTree(path, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          return !dir.equals(path) && SKIP_DIRS.contains(dir.getFileName().toString())
              ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if (attrs.isRegularFile() && isTerraform(file)) {
            out.add(file);
            if (first) return FileVisitResult.TERMINATE;
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException exc) {
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      return out;
    }
    out.sort(null);
    return out;
  }

  private static boolean isTerraform(Path f) {
    String name = f.getFileName().toString();
    if (ModuleLoader.isModuleFile(f) || name.endsWith(".tfstate")) return true;
    return name.endsWith(".json") && !name.endsWith(".tfvars.json") && looksLikePlanJson(f);
  }

  /** A cheap look at the first bytes: show/plan JSON starts with {"format_version": ... */
  private static boolean looksLikePlanJson(Path f) {
    try {
      if (Files.size(f) > MAX_JSON) return false;
      try (InputStream in = Files.newInputStream(f)) {
        String head = new String(in.readNBytes(256), StandardCharsets.UTF_8);
        return head.matches("(?s)\\s*\\{\\s*\"format_version\"\\s*:.*") && (head.contains("terraform_version") || head.contains("values"));
      }
    } catch (IOException e) {
      return false;
    }
  }
}
