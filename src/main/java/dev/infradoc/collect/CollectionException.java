package dev.infradoc.collect;

/**
 * A target that could not be read at all. The message says what failed and where; the hint says
 * what a person can do. Both are shown on one line.
 */
public final class CollectionException extends Exception {
  private final String hint;

  public CollectionException(String message, String hint) {
    this(message, hint, null);
  }

  public CollectionException(String message, String hint, Throwable cause) {
    super(message, cause);
    this.hint = hint == null ? "" : hint;
  }

  public String hint() {
    return hint;
  }

  /** "what failed; what to do" on one line. */
  public String oneLine() {
    return hint.isEmpty() ? getMessage() : getMessage() + "; " + hint;
  }
}
