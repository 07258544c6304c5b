package dev.infradoc.analyze.drift;

import java.util.List;

/** What differs between an older and a newer model, sorted by subject, kind and id. */
public record Drift(String olderAt, String newerAt, List<Change> changes) {

  public Drift {
    changes = changes.stream().sorted().toList();
  }

  public boolean drifted() {
    return !changes.isEmpty();
  }

  public List<Change> of(Change.Subject subject) {
    return changes.stream().filter(c -> c.subject() == subject).toList();
  }

  public long count(Change.Subject subject, Change.Kind kind) {
    return changes.stream().filter(c -> c.subject() == subject && c.kind() == kind).count();
  }
}
