package dev.infradoc.collect.kubernetes;

import dev.infradoc.collect.CollectContext;
import dev.infradoc.collect.CollectionException;
import dev.infradoc.collect.Collector;
import dev.infradoc.collect.Target;
import dev.infradoc.collect.repo.FileEvidence;
import dev.infradoc.collect.repo.RepoSource;
import dev.infradoc.collect.repo.RepoTree;
import dev.infradoc.collect.repo.YamlFile;
import dev.infradoc.collect.repo.YamlNode;
import dev.infradoc.collect.repo.YamlReader;
import dev.infradoc.model.Collection;
import dev.infradoc.model.Fragment;
import dev.infradoc.model.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads Kubernetes manifests: every {@code .yaml}/{@code .yml} file with {@code apiVersion} and
 * {@code kind}, all documents of it (Kustomize and Helm output included once rendered). Ids are
 * {@code k8s:<namespace>/<kind>/<name>}. Helm templates are not rendered; they are listed as
 * problems.
 */
public final class KubernetesCollector implements Collector {
  private static final Pattern API_VERSION = Pattern.compile("(?m)^\\s*(- )?apiVersion\\s*:");
  private static final Pattern KIND = Pattern.compile("(?m)^\\s*(- )?kind\\s*:");
  /** Enough of a file to see its first objects' apiVersion and kind. */
  private static final int SNIFF_BYTES = 64 * 1024;
  private static final Set<String> MODELLED = Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job",
      "CronJob", "Pod", "Service", "Ingress", "HorizontalPodAutoscaler", "PersistentVolumeClaim", "ConfigMap",
      "Secret", "NetworkPolicy", "Namespace", "ServiceAccount");

  @Override
  public boolean supports(Target target) {
    if (target == null || target.kind() != Target.Kind.PATH || target.path() == null) return false;
    Path root = RepoTree.rootOf(target);
    return RepoTree.any(target, rel -> isManifest(root, rel));
  }

  static boolean isYaml(String rel) {
    String name = RepoTree.fileName(rel).toLowerCase(Locale.ROOT);
    return (name.endsWith(".yaml") || name.endsWith(".yml")) && !rel.startsWith(".github/") && !rel.contains("/.github/");
  }

  /** A YAML file whose start has both apiVersion and kind keys. */
  static boolean isManifest(Path root, String rel) {
    if (!isYaml(rel)) return false;
    String head = head(root.resolve(rel));
    return API_VERSION.matcher(head).find() && KIND.matcher(head).find();
  }

  private static String head(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return new String(in.readNBytes(SNIFF_BYTES), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  private static boolean isHelmTemplate(Path root, String rel) {
    return (rel.startsWith("templates/") || rel.contains("/templates/")) && head(root.resolve(rel)).contains("{{");
  }

  @Override
  public Fragment collect(Target target, CollectContext context) throws CollectionException {
    RepoSource repo = RepoSource.open(target, "kubernetes", "a manifest", context);
    String sourceId = repo.id();
    Fragment out = repo.fragment();
    FileEvidence ev = repo.evidence();
    Path root = RepoTree.rootOf(target);
    RepoTree tree = RepoTree.walk(target, rel -> isManifest(root, rel));
    List<Collection.Step> steps = new ArrayList<>();
    Map<String, Manifest> byId = new LinkedHashMap<>();
    Set<String> helmCharts = new TreeSet<>();
    for (String rel : tree.files()) {
      if (isHelmTemplate(root, rel)) {
        helmCharts.add(rel.substring(0, rel.lastIndexOf("templates/") + "templates".length()));
        steps.add(new Collection.Step(rel, "Helm template, not rendered", 1, 0));
        continue;
      }
      YamlFile file = YamlReader.read(root, rel);
      ev.add(file);
      file.error().ifPresent(err -> out.add(new Problem(sourceId, rel + ":" + err.line() + ":" + err.column(),
          err.message(), "fix the YAML; the other files and the documents before this point were documented")));
      List<Manifest> found = new ArrayList<>();
      for (YamlNode doc : file.documents()) {
        if (doc.get("kind").text().equals("List")) doc.get("items").items().forEach(i -> add(found, i));
        else add(found, doc);
      }
      TreeSet<String> skipped = new TreeSet<>();
      for (Manifest m : found) {
        if (!MODELLED.contains(m.kind())) skipped.add(m.kind());
        Manifest first = byId.putIfAbsent(m.id(), m);
        if (first != null && first != m) {
          out.add(new Problem(sourceId, rel + ":" + m.doc().line(), m.id() + " is also defined at "
              + first.doc().file() + ":" + first.doc().line() + "; the first definition is documented",
              "scan one overlay or rendered output at a time"));
        }
      }
      steps.add(new Collection.Step(rel, "kubernetes manifest, " + found.size() + (found.size() == 1 ? " object" : " objects")
          + (skipped.isEmpty() ? "" : "; not modelled: " + String.join(", ", skipped)),
          file.error().isPresent() ? 1 : 0, file.lines().size()));
    }
    for (String chart : helmCharts) {
      out.add(new Problem(sourceId, chart, "Helm chart templates are not rendered YAML and were not read",
          "render them with `helm template` and scan the output"));
    }
    for (String rel : tree.unreadable()) out.add(new Problem(sourceId, rel, "could not be read", "check the file permissions"));

    Cluster cluster = new Cluster(new ArrayList<>(byId.values()), ev, context.knowledge(), out);
    Workloads.read(cluster);
    Services.read(cluster);
    Autoscaling.read(cluster);
    Namespaces.read(cluster);
    cluster.drafts.values().forEach(d -> out.add(d.build(sourceId)));
    out.collections.add(new Collection(sourceId, steps));
    return out;
  }

  private static void add(List<Manifest> found, YamlNode doc) {
    Manifest m = Manifest.of(doc);
    if (m != null) found.add(m);
  }
}
