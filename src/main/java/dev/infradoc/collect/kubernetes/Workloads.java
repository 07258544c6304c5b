package dev.infradoc.collect.kubernetes;

import dev.infradoc.collect.repo.YamlNode;
import dev.infradoc.knowledge.ImageCatalog;
import dev.infradoc.model.ComponentKind;
import dev.infradoc.model.Joins;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Deployments, StatefulSets, DaemonSets, ReplicaSets, Jobs, CronJobs and Pods become components:
 * what they run (by the first container's image), replicas, containers with ports, resources and
 * probes, volumes. Their environment is read by {@link PodEnvironment}.
 */
final class Workloads {
  private Workloads() {}

  static void read(Cluster c) {
    for (Manifest m : c.ofKind(Cluster.WORKLOAD_KINDS.toArray(String[]::new))) {
      Draft d = new Draft(m.id(), m.name(), ComponentKind.APPLICATION);
      d.attributes.put("namespace", m.namespace());
      d.attributes.put("workload", m.kind());
      d.evidence.add(c.at(m));
      d.evidence.add(c.nameAt(m));
      c.out.joins.units.add(new Joins.Unit(d.id, Joins.Unit.KUBERNETES_FILE, m.doc().file()));
      replicas(c, m, d);
      YamlNode pod = Cluster.podSpec(m);
      List<YamlNode> containers = pod.get("containers").items();
      boolean anyPort = false;
      String command = "";
      for (YamlNode container : containers) {
        anyPort |= !container.get("ports").items().isEmpty();
        command += " " + String.join(" ", container.get("command").texts()) + " " + String.join(" ", container.get("args").texts());
        container(c, d, container, "container.");
      }
      for (YamlNode container : pod.get("initContainers").items()) container(c, d, container, "initContainer.");
      classify(m, d, containers.isEmpty() ? YamlNode.MISSING : containers.get(0), anyPort, command);
      volumes(c, m, d, pod);
      String sa = pod.get("serviceAccountName").text();
      if (!sa.isEmpty()) d.attributes.put("serviceAccount", sa);
      if (pod.get("hostNetwork").text().equals("true")) d.attributes.put("hostNetwork", "true");
      c.drafts.put(d.id, d);
    }
    for (Manifest m : c.ofKind(Cluster.WORKLOAD_KINDS.toArray(String[]::new))) PodEnvironment.read(c, m);
  }

  private static void replicas(Cluster c, Manifest m, Draft d) {
    YamlNode spec = m.spec();
    switch (m.kind()) {
      case "DaemonSet" -> d.attributes.put("replicas", "one per node");
      case "Job" -> jobAttributes(c, d, spec);
      case "CronJob" -> {
        for (String k : List.of("schedule", "concurrencyPolicy", "suspend")) {
          if (spec.get(k).isScalar()) d.attributes.put(k, spec.get(k).text());
        }
        if (spec.get("schedule").isScalar()) d.evidence.add(c.ev.of(spec.get("schedule")));
        jobAttributes(c, d, spec.path("jobTemplate", "spec"));
      }
      case "Pod" -> { }
      default -> {
        YamlNode r = spec.get("replicas");
        if (r.isScalar()) {
          d.attributes.put("replicas", r.text());
          d.evidence.add(c.ev.of(r));
          try {
            d.instances = Math.max(0, Integer.parseInt(r.text().strip()));
          } catch (NumberFormatException e) {
            d.instances = 1;
          }
        }
        for (String k : List.of("serviceName", "podManagementPolicy")) {
          if (spec.get(k).isScalar()) d.attributes.put(k, spec.get(k).text());
        }
        YamlNode strategy = spec.path(m.kind().equals("StatefulSet") ? "updateStrategy" : "strategy", "type");
        if (strategy.isScalar()) d.attributes.put("strategy", strategy.text());
        for (YamlNode t : spec.get("volumeClaimTemplates").items()) {
          d.attributes.put("volumeClaimTemplate." + t.path("metadata", "name").text(), Namespaces.claim(t.get("spec")));
          d.evidence.add(c.ev.of(t));
        }
      }
    }
  }

  private static void jobAttributes(Cluster c, Draft d, YamlNode spec) {
    for (String k : List.of("parallelism", "completions", "backoffLimit", "activeDeadlineSeconds")) {
      if (spec.get(k).isScalar()) d.attributes.put(k, spec.get(k).text());
    }
  }

  private static void container(Cluster c, Draft d, YamlNode container, String prefix) {
    String name = container.get("name").text();
    String p = prefix + name + ".";
    String image = container.get("image").text();
    if (!image.isEmpty()) {
      d.attributes.put(p + "image", image);
      d.evidence.add(c.ev.of(container.get("image")));
      c.out.joins.runs.add(new Joins.Runs(d.id, image, c.ev.of(container.get("image"))));
    }
    List<String> ports = new ArrayList<>();
    for (YamlNode port : container.get("ports").items()) {
      String portName = port.get("name").text();
      String proto = port.get("protocol").text();
      ports.add((portName.isEmpty() ? "" : portName + " ") + port.get("containerPort").text() + "/" + (proto.isEmpty() ? "TCP" : proto));
      d.evidence.add(c.ev.of(port));
    }
    if (!ports.isEmpty()) d.attributes.put(p + "ports", String.join(", ", ports));
    d.attributes.put(p + "resources", resources(container.get("resources")));
    if (prefix.equals("container.")) {
      for (String probe : List.of("liveness", "readiness", "startup")) {
        YamlNode n = container.get(probe + "Probe");
        d.attributes.put(p + "probe." + probe, n.isMap() ? probe(n) : "none");
        if (n.isMap()) d.evidence.add(c.ev.ofKey(container, probe + "Probe"));
      }
    }
    YamlNode sc = container.get("securityContext");
    for (String k : List.of("privileged", "runAsNonRoot", "runAsUser", "readOnlyRootFilesystem", "allowPrivilegeEscalation")) {
      if (sc.get(k).isScalar()) d.attributes.put(p + "securityContext." + k, sc.get(k).text());
    }
  }

  static String resources(YamlNode r) {
    List<String> parts = new ArrayList<>();
    for (String kind : List.of("requests", "limits")) {
      List<String> values = new ArrayList<>();
      for (YamlNode.Entry e : r.get(kind).entries()) values.add(e.key() + "=" + e.value().text());
      if (!values.isEmpty()) parts.add(kind + " " + String.join(" ", values));
    }
    return parts.isEmpty() ? "none declared" : String.join("; ", parts);
  }

  private static String probe(YamlNode p) {
    String how;
    if (p.get("httpGet").isMap()) {
      YamlNode h = p.get("httpGet");
      how = "httpGet " + (h.get("path").text().isEmpty() ? "/" : h.get("path").text()) + " port " + h.get("port").text();
    } else if (p.get("tcpSocket").isMap()) {
      how = "tcpSocket port " + p.path("tcpSocket", "port").text();
    } else if (p.get("grpc").isMap()) {
      how = "grpc port " + p.path("grpc", "port").text();
    } else if (p.get("exec").isMap()) {
      how = "exec " + String.join(" ", p.path("exec", "command").texts());
    } else {
      how = "declared";
    }
    for (String k : List.of("initialDelaySeconds", "periodSeconds", "failureThreshold")) {
      if (p.get(k).isScalar()) how += ", " + k + " " + p.get(k).text();
    }
    return how;
  }

  /**
   * The first container's image says what the workload is when the knowledge file knows it.
   * Otherwise it is the project's own code: CronJobs are schedulers, Jobs workers, and pods
   * without ports whose command or name says "worker" are workers; the rest applications.
   */
  private static void classify(Manifest m, Draft d, YamlNode first, boolean anyPort, String command) {
    String image = first.get("image").text();
    if (!image.isEmpty()) d.attributes.put("image", image);
    // The image tag is the version, of a known technology or of the project's own image alike.
    if (!image.isEmpty()) d.version = ImageCatalog.parse(image).version();
    Optional<ImageCatalog.ImageKind> known = image.isEmpty() ? Optional.empty() : ImageCatalog.shipped().find(image);
    if (known.isPresent()) {
      d.kind = ComponentKind.fromId(known.get().kind());
      d.technology = known.get().technology();
      return;
    }
    d.technology = image.isEmpty() ? "" : "container image " + ImageCatalog.parse(image).repository();
    String said = (command + " " + m.name()).toLowerCase(Locale.ROOT);
    if (m.kind().equals("CronJob")) d.kind = ComponentKind.SCHEDULER;
    else if (m.kind().equals("Job")) d.kind = ComponentKind.WORKER;
    else if (!anyPort && said.contains("worker")) d.kind = ComponentKind.WORKER;
    else d.kind = ComponentKind.APPLICATION;
  }

  private static void volumes(Cluster c, Manifest m, Draft d, YamlNode pod) {
    for (YamlNode v : pod.get("volumes").items()) {
      String name = v.get("name").text();
      String what;
      if (v.get("persistentVolumeClaim").isMap()) {
        String claim = v.path("persistentVolumeClaim", "claimName").text();
        what = "persistentVolumeClaim " + claim + c.find(m.namespace(), "PersistentVolumeClaim", claim)
            .map(pvc -> " (" + Namespaces.claim(pvc.spec()) + ")").orElse("");
      } else if (v.get("configMap").isMap()) {
        what = "configMap " + v.path("configMap", "name").text();
      } else if (v.get("secret").isMap()) {
        what = "secret " + v.path("secret", "secretName").text();
        PodEnvironment.secretEdge(c, m, v.path("secret", "secretName").text(), v);
      } else if (v.get("hostPath").isMap()) {
        what = "hostPath " + v.path("hostPath", "path").text();
      } else if (v.has("emptyDir")) {
        what = "emptyDir";
      } else {
        what = v.entries().stream().map(YamlNode.Entry::key).filter(k -> !k.equals("name")).findFirst().orElse("volume");
      }
      d.attributes.put("volume." + name, what);
      d.evidence.add(c.ev.of(v));
    }
  }
}
