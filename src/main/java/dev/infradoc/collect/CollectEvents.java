package dev.infradoc.collect;

/** What collectors report while they work. The command line decides what to print; collectors never print. */
public interface CollectEvents {
  CollectEvents NONE = new CollectEvents() {};

  /** A step finished: {@code phase} such as "connect" or "probe", with its duration. */
  default void phase(Target target, String phase, long millis) {}

  /** Detail for --verbose. */
  default void detail(Target target, String message) {}
}
