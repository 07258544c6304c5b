package dev.infradoc.collect.host;

import dev.infradoc.collect.CollectEvents;
import dev.infradoc.collect.CollectOptions;
import dev.infradoc.collect.CollectionException;
import dev.infradoc.collect.Target;

/** Opens the shell a host target is probed through (SSH for remote targets). */
@FunctionalInterface
public interface ShellFactory {
  Shell open(Target target, CollectOptions options, CollectEvents events) throws CollectionException;
}
