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

  /** A component runs a container image, as written ({@code ghcr.io/acme/web:1.4}), where it is written. */
  public record Runs(String component, String image, Evidence evidence) {}

  /**
   * How a deploy tool reaches a component: {@code terraform-root} (the root module's folder, "." for
   * the target's root), {@code kubernetes-file} (the manifest file), {@code compose-file} (a file
   * of the compose project), {@code ecs-service} and {@code ecs-task-family} (the name AWS knows it by).
   */
  public record Unit(String component, String how, String key) {
    public static final String TERRAFORM_ROOT = "terraform-root";
    public static final String KUBERNETES_FILE = "kubernetes-file";
    public static final String COMPOSE_FILE = "compose-file";
    public static final String ECS_SERVICE = "ecs-service";
    public static final String ECS_TASK_FAMILY = "ecs-task-family";
  }

  /**
   * What a CI/CD job says it delivers, as the command or action writes it: an {@code image} it
   * builds or pushes, the {@code dockerfile} it builds from, the folder it runs {@code terraform}
   * apply in, the {@code kubernetes} files (a file, or a folder: {@code kubernetes-folder} for the
   * files directly in it, {@code kubernetes-tree} for all below it), the {@code compose} files it
   * brings up, an {@code ecs-service} or {@code ecs-task-family} by name. {@code said} is how the
   * documents say it ("pushes ghcr.io/acme/web:${{ github.sha }}").
   */
  public record Delivery(String job, String how, String target, String said, Evidence evidence) {
    public static final String IMAGE = "image";
    public static final String DOCKERFILE = "dockerfile";
    public static final String TERRAFORM = "terraform";
    public static final String KUBERNETES = "kubernetes";
    public static final String KUBERNETES_FOLDER = "kubernetes-folder";
    public static final String KUBERNETES_TREE = "kubernetes-tree";
    public static final String COMPOSE = "compose";
    /** A chart folder of the repository that {@code helm upgrade|install} installs (the manifests below it). */
    public static final String HELM_CHART = "helm-chart";
    /**
     * The target of a delivery that names nothing in the repository (a variable, a URL, a chart of
     * a chart repository); the repository's root folder is written ".".
     */
    public static final String NOWHERE = "";
  }

  public final List<File> files = new ArrayList<>();
  public final List<Use> uses = new ArrayList<>();
  public final List<Name> names = new ArrayList<>();
  public final List<Reference> references = new ArrayList<>();
  public final List<Runs> runs = new ArrayList<>();
  public final List<Unit> units = new ArrayList<>();
  public final List<Delivery> deliveries = new ArrayList<>();

  public boolean isEmpty() {
    return files.isEmpty() && uses.isEmpty() && names.isEmpty() && references.isEmpty() && runs.isEmpty() && units.isEmpty()
        && deliveries.isEmpty();
  }
}
