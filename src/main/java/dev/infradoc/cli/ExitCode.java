package dev.infradoc.cli;

/** Every exit code InfraDoc returns, in one place (documented in the README). */
public final class ExitCode {
  /** Everything asked for was collected and written. */
  public static final int OK = 0;
  /** Documents were written, but some targets failed (each reported on stderr and in Coverage). */
  public static final int PARTIAL = 1;
  /** The command line was wrong. */
  public static final int USAGE = 2;
  /** Nothing was collected, or nothing could be written. */
  public static final int NOTHING = 3;
  /** A bug in InfraDoc: please report it with --stacktrace output. */
  public static final int INTERNAL = 4;

  private ExitCode() {}
}
