package dev.infradoc.collect.actions;

import dev.infradoc.collect.CollectContext;
import dev.infradoc.collect.CollectionException;
import dev.infradoc.collect.Collector;
import dev.infradoc.collect.Target;
import dev.infradoc.collect.repo.FileEvidence;
import dev.infradoc.collect.repo.RepoSource;
import dev.infradoc.collect.repo.RepoTree;
import dev.infradoc.collect.repo.YamlFile;
import dev.infradoc.collect.repo.YamlReader;
import dev.infradoc.model.Collection;
import dev.infradoc.model.Component;
import dev.infradoc.model.Dependency;
import dev.infradoc.model.Fragment;
import dev.infradoc.model.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads GitHub Actions workflows ({@code .github/workflows/*.yml}): workflows and jobs as ci-cd
 * components ({@code gha:<workflow>} and {@code gha:<workflow>/<job>}), the needs graph, and what
 * each job deploys.
 */
public final class ActionsCollector implements Collector {

  @Override
  public boolean supports(Target target) {
    if (target == null || target.kind() != Target.Kind.PATH || target.path() == null) return false;
    Path root = RepoTree.rootOf(target);
    return RepoTree.any(target, rel -> isWorkflow(root, rel));
  }

  /** A YAML file directly in a {@code .github/workflows} folder (the target may start inside it). */
  static boolean isWorkflow(Path root, String rel) {
    String name = RepoTree.fileName(rel).toLowerCase(Locale.ROOT);
    if (!name.endsWith(".yml") && !name.endsWith(".yaml")) return false;
    Path parent = root.resolve(rel).toAbsolutePath().normalize().getParent();
    if (parent == null || parent.getParent() == null) return false;
    return parent.getFileName().toString().equals("workflows") && parent.getParent().getFileName() != null
        && parent.getParent().getFileName().toString().equals(".github");
  }

  @Override
  public Fragment collect(Target target, CollectContext context) throws CollectionException {
    RepoSource repo = RepoSource.open(target, "github-actions", "a workflow file", context);
    String sourceId = repo.id();
    Fragment out = repo.fragment();
    FileEvidence ev = repo.evidence();
    Path root = RepoTree.rootOf(target);
    RepoTree tree = walkWorkflows(target, root);
    List<Collection.Step> steps = new ArrayList<>();
    List<WorkflowReader.WorkflowRun> runs = new ArrayList<>();
    WorkflowReader reader = new WorkflowReader(ev, out, root);
    for (String rel : tree.files()) {
      YamlFile file = YamlReader.read(root, rel);
      ev.add(file);
      steps.add(new Collection.Step(rel, "GitHub Actions workflow", file.error().isPresent() ? 1 : 0, file.lines().size()));
      if (file.error().isPresent()) {
        YamlFile.Error err = file.error().get();
        out.add(new Problem(sourceId, rel + ":" + err.line() + ":" + err.column(), err.message(),
            "fix the YAML; the other workflows were documented"));
        continue;
      }
      if (file.documents().isEmpty() || !file.documents().get(0).isMap()) continue;
      runs.addAll(reader.read(rel, file.documents().get(0)));
    }
    for (WorkflowReader.WorkflowRun run : runs) {
      // workflow_run names the other workflow by its `name:`
      out.components.stream()
          .filter(c -> c.attributes().containsKey("triggers") && c.name().equals(run.workflowName()))
          .map(Component::id)
          .findFirst()
          .ifPresentOrElse(
              to -> out.add(new Dependency(run.from(), to, "", 0, Dependency.DECLARED, List.of(ev.of(run.where())))),
              () -> out.add(new Problem(sourceId, run.where().file() + ":" + run.where().line(),
                  "workflow_run waits for workflow \"" + run.workflowName() + "\", which is not in these files",
                  "check the workflow name")));
    }
    for (String rel : tree.unreadable()) out.add(new Problem(sourceId, rel, "could not be read", "check the file permissions"));
    out.collections.add(new Collection(sourceId, steps));
    return out;
  }

  private static RepoTree walkWorkflows(Target target, Path root) {
    return RepoTree.walk(target, rel -> isWorkflow(root, rel));
  }
}
