package dev.infradoc.model;

import java.util.ArrayList;
import java.util.List;

/**
 * What a repository collector saw but cannot tie to another collector's elements on its own: the
 * pipeline joins these across the fragments of one target (a compose service and the nginx.conf it
 * mounts become one component). Never part of the model. Paths are relative to the target's root,
 * with '/' separators and no "." or ".." parts.
 */
public final class Joins {
  /** A component read from one file of the repository ({@code config:deploy/nginx.conf} from that file). */
  public record File(String component, String path, String technology) {}

  /**
   * A component uses a file or folder of the repository: {@code mount} (a bind mount, file or
   * folder) or {@code build} (the Dockerfile its image is built from), with the line that says so.
   */
  public record Use(String component, String path, String how, Evidence evidence) {
    public static final String MOUNT = "mount";
    public static final String BUILD = "build";
  }

  /** A host name a component answers to within a scope (its service name on a compose project's networks). */
  public record Name(String scope, String name, String component) {}

  /**
   * An address a component names that its collector could not resolve: the host as written (lower
   * case), port 0 when none is written, and where it is written.
   */
  public record Reference(String from, String host, int port, String protocol, List<Evidence> evidence) {
    public Reference {
      protocol = Strings.orEmpty(protocol);
      evidence = List.copyOf(evidence);
    }

    /** As the component's {@code targets_not_read} attribute writes it. */
    public String written() {
      return host + (port == 0 ? "" : ":" + port);
    }
  }

  public final List<File> files = new ArrayList<>();
  public final List<Use> uses = new ArrayList<>();
  public final List<Name> names = new ArrayList<>();
  public final List<Reference> references = new ArrayList<>();

  public boolean isEmpty() {
    return files.isEmpty() && uses.isEmpty() && names.isEmpty() && references.isEmpty();
  }
}
