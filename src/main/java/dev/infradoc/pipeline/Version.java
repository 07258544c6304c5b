package dev.infradoc.pipeline;

/** The tool's version, from the jar manifest (the build sets it), or "dev" when run from classes. */
public final class Version {
  private Version() {}

  public static String current() {
    String v = Version.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
