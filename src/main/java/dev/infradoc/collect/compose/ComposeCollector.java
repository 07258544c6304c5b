package dev.infradoc.collect.compose;

import dev.infradoc.collect.CollectContext;
import dev.infradoc.collect.CollectionException;
import dev.infradoc.collect.Collector;
import dev.infradoc.collect.Target;
import dev.infradoc.collect.repo.FileEvidence;
import dev.infradoc.collect.repo.RepoSource;
import dev.infradoc.collect.repo.RepoTree;
import dev.infradoc.collect.repo.YamlFile;
import dev.infradoc.collect.repo.YamlNode;
import dev.infradoc.collect.repo.YamlReader;
import dev.infradoc.model.Collection;
import dev.infradoc.model.Fragment;
import dev.infradoc.model.Problem;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads docker-compose projects: in every folder of the target, the file {@code docker compose}
 * would pick (compose.yaml before compose.yml before docker-compose.yaml/.yml) with its override
 * file merged over it. Ids are {@code compose:<project>/<service>}.
 */
public final class ComposeCollector implements Collector {
  static final List<String> BASE_NAMES = List.of("compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml");
  static final List<String> OVERRIDE_NAMES = List.of("compose.override.yaml", "compose.override.yml",
      "docker-compose.override.yaml", "docker-compose.override.yml");

  @Override
  public boolean supports(Target target) {
    return RepoTree.any(target, ComposeCollector::isComposeFile);
  }

  /** The standard names, plus any {@code docker-compose.<x>.yml} when given as a single file. */
  static boolean isComposeFile(String rel) {
    String name = RepoTree.fileName(rel).toLowerCase(Locale.ROOT);
    return BASE_NAMES.contains(name) || OVERRIDE_NAMES.contains(name)
        || (!rel.contains("/") && name.matches("(docker-)?compose\\.[a-z0-9_-]+\\.ya?ml"));
  }

  @Override
  public Fragment collect(Target target, CollectContext context) throws CollectionException {
    RepoSource repo = RepoSource.open(target, "compose", "a compose file", context);
    String sourceId = repo.id();
    Fragment out = repo.fragment();
    FileEvidence ev = repo.evidence();
    RepoTree tree = RepoTree.walk(target, ComposeCollector::isComposeFile);
    boolean singleFile = Files.isRegularFile(target.path());
    List<Collection.Step> steps = new ArrayList<>();
    for (Map.Entry<String, List<String>> project : projects(tree.files(), singleFile).entrySet()) {
      List<YamlNode> roots = new ArrayList<>();
      for (String rel : project.getValue()) {
        YamlFile file = YamlReader.read(tree.root(), rel);
        ev.add(file);
        steps.add(new Collection.Step(rel, "docker-compose file", file.error().isPresent() ? 1 : 0, file.lines().size()));
        if (file.error().isPresent()) {
          YamlFile.Error err = file.error().get();
          out.add(new Problem(sourceId, rel + ":" + err.line() + ":" + err.column(), err.message(),
              "fix the YAML; the project was documented from its other files"));
          continue;
        }
        if (file.documents().isEmpty()) continue;
        roots.add(ComposeMerge.normalise(file.documents().get(0)));
      }
      if (roots.isEmpty()) continue;
      YamlNode merged = roots.get(0);
      for (int i = 1; i < roots.size(); i++) merged = ComposeMerge.merge(merged, roots.get(i), "");
      String name = projectName(merged, project.getKey(), tree, target);
      new ComposeProject(name, project.getKey(), merged, roots, ev, context, out).read();
    }
    for (String rel : tree.unreadable()) {
      out.add(new Problem(sourceId, rel, "could not be read", "check the file permissions"));
    }
    out.collections.add(new Collection(sourceId, steps));
    return out;
  }

  /** Folder -> the files of its project, base first, then override. */
  static Map<String, List<String>> projects(List<String> files, boolean singleFile) {
    Map<String, List<String>> byFolder = new TreeMap<>();
    if (singleFile) {
      byFolder.put("", List.copyOf(files));
      return byFolder;
    }
    Map<String, List<String>> present = new TreeMap<>();
    for (String f : files) present.computeIfAbsent(RepoTree.folder(f), k -> new ArrayList<>()).add(RepoTree.fileName(f));
    for (Map.Entry<String, List<String>> e : present.entrySet()) {
      String prefix = e.getKey().isEmpty() ? "" : e.getKey() + "/";
      List<String> chosen = new ArrayList<>();
      BASE_NAMES.stream().filter(e.getValue()::contains).findFirst().ifPresent(n -> chosen.add(prefix + n));
      if (chosen.isEmpty()) continue;
      OVERRIDE_NAMES.stream().filter(e.getValue()::contains).findFirst().ifPresent(n -> chosen.add(prefix + n));
      byFolder.put(e.getKey(), chosen);
    }
    return byFolder;
  }

  /** {@code name:} when written without variables, else the folder name as compose normalises it. */
  private static String projectName(YamlNode merged, String folder, RepoTree tree, Target target) {
    String declared = merged.get("name").text();
    if (!declared.isEmpty() && !declared.contains("$")) return declared;
    String dir = folder.isEmpty() ? RepoTree.rootName(target) : RepoTree.fileName(folder);
    String normalised = dir.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "");
    return normalised.isEmpty() ? "default" : normalised;
  }
}
