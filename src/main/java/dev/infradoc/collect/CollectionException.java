package dev.infradoc.collect;

/**
 * A target that could not be read at all. The message says what failed and where; the hint says
 * what a person can do. Both are shown on one line.
 */
public final class CollectionException extends Exception {

  /** What kind of failure this is, so callers and tests can tell them apart without parsing text. */
  public enum Category {
    /** Not one of the kinds below. */
    OTHER,
    /** Something on this machine is wrong: a key file, a passphrase, a config file. */
    LOCAL_SETUP,
    /** The host name did not resolve. */
    NAME_NOT_RESOLVED,
    /** The host answered but nothing listens on the port. */
    CONNECTION_REFUSED,
    /** No route to the host or its network. */
    UNREACHABLE,
    /** Connecting (or the handshake, or authenticating) took longer than the connect timeout. */
    CONNECT_TIMEOUT,
    /** The server's host key is not in known_hosts. */
    HOST_KEY_UNKNOWN,
    /** The server's host key differs from the one in known_hosts (or is revoked). */
    HOST_KEY_CHANGED,
    /** The server refused every way we offered to log in. */
    AUTH_REFUSED,
    /** The connection ended before the command did. */
    CONNECTION_DROPPED,
    /** The command did not finish within its timeout. */
    COMMAND_TIMEOUT
  }

  private final String hint;
  private final Category category;

  public CollectionException(String message, String hint) {
    this(message, hint, null);
  }

  public CollectionException(String message, String hint, Throwable cause) {
    this(Category.OTHER, message, hint, cause);
  }

  public CollectionException(Category category, String message, String hint) {
    this(category, message, hint, null);
  }

  public CollectionException(Category category, String message, String hint, Throwable cause) {
    super(message, cause);
    this.hint = hint == null ? "" : hint;
    this.category = category == null ? Category.OTHER : category;
  }

  public String hint() {
    return hint;
  }

  public Category category() {
    return category;
  }

  /** "what failed; what to do" on one line. */
  public String oneLine() {
    return hint.isEmpty() ? getMessage() : getMessage() + "; " + hint;
  }
}
