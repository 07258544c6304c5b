package dev.infradoc.model;

/** Null handling for model values: absent text is the empty string, never null. */
final class Strings {
  private Strings() {}

  static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
