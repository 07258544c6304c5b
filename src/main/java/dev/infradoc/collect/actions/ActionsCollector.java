package dev.infradoc.collect.actions;

import dev.infradoc.collect.CollectContext;
import dev.infradoc.collect.Collector;
import dev.infradoc.collect.Target;
import dev.infradoc.model.Fragment;

/** Placeholder while being written. */
public final class ActionsCollector implements Collector {
  @Override
  public boolean supports(Target target) {
    return false;
  }

  @Override
  public Fragment collect(Target target, CollectContext context) {
    return new Fragment();
  }
}
