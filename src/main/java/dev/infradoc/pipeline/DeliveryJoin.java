package dev.infradoc.pipeline;

import dev.infradoc.knowledge.ImageCatalog;
import dev.infradoc.model.Component;
import dev.infradoc.model.Evidence;
import dev.infradoc.model.Fragment;
import dev.infradoc.model.Joins;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Connects the CI/CD jobs of one repository to the components they deliver, when the repository
 * says so: an image a job builds or pushes to the compose services, Kubernetes workloads and ECS
 * task definitions that run it (same registry and repository, any tag; a registry written as a
 * variable matches any registry, a repository written as a variable matches nothing); the
 * Dockerfile it builds from to the compose services built from it; the folder {@code terraform
 * apply} runs in to the Terraform root there; the Kubernetes files applied to the workloads read
 * from them; the compose files brought up to their services; an ECS service or task definition
 * family to the one of that name. Nothing is matched on a guess: what a job delivers that nothing
 * here runs or declares is said so.
 *
 * <p>The job gets {@code delivers} (the component ids, and Terraform roots as "Terraform root
 * DIR (N resources)") and {@code delivers.not_matched} ("pushes ghcr.io/acme/other:1: not run by
 * anything in this repository"), and as evidence the job's lines that say it (the lines that make
 * each match, such as a compose service's {@code image:}, are the component's own evidence).
 */
public final class DeliveryJoin {
  public static final String DELIVERS = "delivers";
  public static final String NOT_MATCHED = "delivers.not_matched";
  /** How a delivered Terraform root is written in {@code delivers}. */
  public static final String TERRAFORM_ROOT = "Terraform root ";

  private DeliveryJoin() {}

  /** What the deliveries of one target matched: per job, the components (or roots), what matched nothing, the evidence. */
  record Result(Map<String, TreeSet<String>> delivers, Map<String, TreeSet<String>> notMatched, Map<String, TreeSet<Evidence>> evidence) {}

  /** Joins the fragments of one target in place (after {@link RepoJoin}, so folded files are gone). */
  public static void join(List<Fragment> fragments) {
    Result r = match(fragments);
    if (r.evidence().isEmpty()) return;
    for (Fragment f : fragments) {
      f.components.replaceAll(c -> r.evidence().containsKey(c.id()) ? withDeliveries(c, r) : c);
    }
  }

  static Result match(List<Fragment> fragments) {
    Set<String> present = new TreeSet<>();
    fragments.forEach(f -> f.components.forEach(c -> present.add(c.id())));
    List<Joins.Runs> runs = fragments.stream().flatMap(f -> f.joins.runs.stream()).filter(x -> present.contains(x.component())).toList();
    List<Joins.Unit> units = fragments.stream().flatMap(f -> f.joins.units.stream()).toList();
    List<Joins.Use> builds = fragments.stream().flatMap(f -> f.joins.uses.stream())
        .filter(u -> u.how().equals(Joins.Use.BUILD) && present.contains(u.component())).toList();
    List<Joins.Delivery> deliveries = fragments.stream().flatMap(f -> f.joins.deliveries.stream()).filter(d -> present.contains(d.job())).toList();
    Map<String, ImageCatalog.ImageName> names = new TreeMap<>();
    Map<String, TreeSet<String>> delivers = new TreeMap<>();
    Map<String, TreeSet<String>> notMatched = new TreeMap<>();
    Map<String, TreeSet<Evidence>> evidence = new TreeMap<>();
    // An image a job pushes that nothing runs is said once, as pushed (not also as built).
    Set<String> pushed = new TreeSet<>();
    deliveries.stream().filter(d -> d.how().equals(Joins.Delivery.IMAGE) && d.said().startsWith("pushes "))
        .forEach(d -> pushed.add(d.job() + "\n" + d.target()));
    // Jobs that name an image: a Dockerfile they build from that nothing here is built from is said through the image.
    Set<String> imageJobs = new TreeSet<>();
    deliveries.stream().filter(d -> d.how().equals(Joins.Delivery.IMAGE)).forEach(d -> imageJobs.add(d.job()));
    for (Joins.Delivery d : deliveries) {
      TreeSet<String> found = new TreeSet<>();
      String reason = "";
      switch (d.how()) {
        case Joins.Delivery.IMAGE -> {
          ImageCatalog.ImageName name = ImageCatalog.name(d.target());
          for (Joins.Runs run : runs) {
            if (name.sameAs(names.computeIfAbsent(run.image(), ImageCatalog::name))) found.add(run.component());
          }
          reason = name.repository().isEmpty() ? "the image name is a variable" : "not run by anything in this repository";
          if (!d.said().startsWith("pushes ") && pushed.contains(d.job() + "\n" + d.target())) reason = "";
        }
        case Joins.Delivery.DOCKERFILE -> {
          for (Joins.Use u : builds) {
            if (u.path().equals(d.target())) found.add(u.component());
          }
          reason = imageJobs.contains(d.job()) ? "" : "nothing in this repository is built from it";
        }
        case Joins.Delivery.TERRAFORM -> {
          long count = units.stream().filter(u -> u.how().equals(Joins.Unit.TERRAFORM_ROOT) && u.key().equals(d.target()))
              .map(Joins.Unit::component).distinct().count();
          if (count > 0) {
            found.add(TERRAFORM_ROOT + (d.target().equals(".") ? "at the repository root" : d.target()) + " (" + count + " resource"
                + (count == 1 ? "" : "s") + ")");
          }
          reason = d.target().equals(Joins.Delivery.NOWHERE) ? "not a folder of this repository" : "no Terraform root was read in that folder";
        }
        case Joins.Delivery.KUBERNETES, Joins.Delivery.KUBERNETES_FOLDER, Joins.Delivery.KUBERNETES_TREE, Joins.Delivery.HELM_CHART -> {
          units.stream().filter(u -> u.how().equals(Joins.Unit.KUBERNETES_FILE) && present.contains(u.component())
              && inFolder(d.how(), d.target(), u.key())).forEach(u -> found.add(u.component()));
          boolean chart = d.how().equals(Joins.Delivery.HELM_CHART);
          reason = !d.target().equals(Joins.Delivery.NOWHERE) ? "no Kubernetes workload was read from " + (chart ? "the chart's files" : "it")
              : chart ? "not a chart folder of this repository" : "not in this repository";
        }
        case Joins.Delivery.COMPOSE -> {
          units.stream().filter(u -> u.how().equals(Joins.Unit.COMPOSE_FILE) && present.contains(u.component()) && u.key().equals(d.target()))
              .forEach(u -> found.add(u.component()));
          reason = d.target().equals(Joins.Delivery.NOWHERE) ? "no compose file of this repository" : "no compose project was read from it";
        }
        case Joins.Unit.ECS_SERVICE, Joins.Unit.ECS_TASK_FAMILY -> {
          units.stream().filter(u -> u.how().equals(d.how()) && present.contains(u.component()) && u.key().equals(d.target()))
              .forEach(u -> found.add(u.component()));
          boolean service = d.how().equals(Joins.Unit.ECS_SERVICE);
          reason = d.target().contains("$") ? "the name is a variable"
              : "no ECS " + (service ? "service of that name" : "task definition of that family") + " was read in this repository";
        }
        default -> { }
      }
      // The job's own line; the line that makes the match (the component's image:) is the component's evidence.
      evidence.computeIfAbsent(d.job(), k -> new TreeSet<>()).add(d.evidence());
      if (!found.isEmpty()) delivers.computeIfAbsent(d.job(), k -> new TreeSet<>()).addAll(found);
      else if (!reason.isEmpty()) notMatched.computeIfAbsent(d.job(), k -> new TreeSet<>()).add(d.said() + ": " + reason);
    }
    return new Result(delivers, notMatched, evidence);
  }

  /** A manifest file is delivered by a file (itself), a folder (the files directly in it) or a tree (all below it). */
  static boolean inFolder(String how, String target, String file) {
    if (target.equals(Joins.Delivery.NOWHERE)) return false;
    if (how.equals(Joins.Delivery.KUBERNETES)) return file.equals(target);
    String prefix = target.equals(".") ? "" : target + "/";
    if (!file.startsWith(prefix)) return false;
    return how.equals(Joins.Delivery.KUBERNETES_TREE) || how.equals(Joins.Delivery.HELM_CHART) || file.indexOf('/', prefix.length()) < 0;
  }

  private static Component withDeliveries(Component c, Result r) {
    Map<String, String> attributes = new TreeMap<>(c.attributes());
    TreeSet<String> delivers = r.delivers().getOrDefault(c.id(), new TreeSet<>());
    TreeSet<String> notMatched = r.notMatched().getOrDefault(c.id(), new TreeSet<>());
    if (delivers.isEmpty() && notMatched.isEmpty()) return c;
    if (!delivers.isEmpty()) attributes.put(DELIVERS, String.join(", ", delivers));
    if (!notMatched.isEmpty()) attributes.put(NOT_MATCHED, String.join("; ", notMatched));
    List<Evidence> ordered = new ArrayList<>(c.evidence());
    r.evidence().get(c.id()).stream().filter(e -> !c.evidence().contains(e)).forEach(ordered::add);
    return new Component(c.id(), c.name(), c.kind(), c.technology(), c.version(), c.host(), c.source(), c.instances(),
        c.runsAs(), c.managedBy(), c.listens(), attributes, List.copyOf(ordered));
  }
}
