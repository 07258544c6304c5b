package dev.infradoc.cli;

import dev.infradoc.collect.Target;
import dev.infradoc.history.TargetsKey;
import java.util.List;

/** The history key of a set of targets, named as scan and diff both name them: ssh targets by user@host:port, paths absolute. */
final class StoreKey {
  private StoreKey() {}

  static String of(List<Target> targets) {
    return TargetsKey.of(targets.stream().map(StoreKey::name).toList());
  }

  private static String name(Target t) {
    // "ssh://root@web01" and "root@web01" are one target; so are "./infra" and "infra" from one folder.
    return t.kind() == Target.Kind.PATH ? t.path().toAbsolutePath().normalize().toString() : t.display();
  }
}
