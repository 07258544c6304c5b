package dev.infradoc.collect.repo;

import dev.infradoc.collect.CollectContext;
import dev.infradoc.collect.CollectionException;
import dev.infradoc.collect.Target;
import dev.infradoc.model.Fragment;
import dev.infradoc.model.Source;
import java.nio.file.Files;

/**
 * The start every repository collector shares: the target must exist; it becomes one source of
 * the collector's kind, a fragment holding that source, and the evidence factory for its files.
 */
public record RepoSource(String id, Fragment fragment, FileEvidence evidence) {

  /** @param what how the hint names one file of this kind, e.g. "a compose file" */
  public static RepoSource open(Target target, String kind, String what, CollectContext context)
      throws CollectionException {
    if (target.kind() != Target.Kind.PATH || target.path() == null || !Files.exists(target.path())) {
      throw new CollectionException(target.display() + ": no such file or folder",
          "give a path to a repository or " + what);
    }
    String id = kind + ":" + RepoTree.rootName(target);
    Fragment fragment = new Fragment();
    fragment.sources.add(new Source(id, kind, RepoTree.location(target)));
    return new RepoSource(id, fragment, new FileEvidence(id, context.redactor()));
  }
}
