package dev.infradoc.model;

import java.util.List;

/**
 * How one source was read: each command section or file, its exit status and how many lines it
 * gave. Durations are not kept here (they would make equal inputs give different bytes).
 */
public record Collection(String source, List<Step> steps) {

  /** One probe section or file read, with its exit status and output size in lines. */
  public record Step(String name, String what, int exitCode, int lines) {}
}
