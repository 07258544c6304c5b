package dev.infradoc.collect;

import dev.infradoc.model.Fragment;

/** Reads one kind of source. "Probe, then parse": {@link #supports} is cheap and has no side effects. */
public interface Collector {

  boolean supports(Target target);

  /**
   * Collects what the target shows. Problems that still leave something to document go into the
   * fragment's problems; a target that gives nothing at all throws {@link CollectionException}.
   */
  Fragment collect(Target target, CollectContext context) throws CollectionException;
}
