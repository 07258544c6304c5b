package dev.infradoc.collect.kubernetes;

import dev.infradoc.collect.repo.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** HorizontalPodAutoscalers (v1, v2beta*, v2): min, max and target metrics, attached to the workload they scale. */
final class Autoscaling {
  private Autoscaling() {}

  static void read(Cluster c) {
    for (Manifest hpa : c.ofKind("HorizontalPodAutoscaler")) {
      YamlNode spec = hpa.spec();
      YamlNode ref = spec.get("scaleTargetRef");
      String kind = ref.get("kind").text();
      String name = ref.get("name").text();
      Optional<Manifest> target = c.find(hpa.namespace(), kind, name);
      Draft d = target.map(t -> c.drafts.get(t.id())).orElse(null);
      if (d == null) {
        c.problem(ref.isMissing() ? spec : ref, "HorizontalPodAutoscaler " + hpa.name() + " scales " + kind + " " + name
            + ", which is not in these files", "scan the folder that holds the workload too");
        continue;
      }
      d.attributes.put("autoscaling.hpa", hpa.name());
      d.evidence.add(c.at(hpa));
      for (String k : List.of("minReplicas", "maxReplicas")) {
        YamlNode v = spec.get(k);
        if (v.isScalar()) {
          d.attributes.put("autoscaling." + (k.equals("minReplicas") ? "min" : "max"), v.text());
          d.evidence.add(c.ev.of(v));
        }
      }
      if (!spec.has("minReplicas")) d.attributes.put("autoscaling.min", "1 (default)");
      List<String> metrics = metrics(spec);
      if (!metrics.isEmpty()) {
        d.attributes.put("autoscaling.metrics", String.join(", ", metrics));
        d.evidence.add(c.ev.ofKey(spec, spec.has("metrics") ? "metrics" : "targetCPUUtilizationPercentage"));
      }
    }
  }

  private static List<String> metrics(YamlNode spec) {
    List<String> out = new ArrayList<>();
    if (spec.get("targetCPUUtilizationPercentage").isScalar()) {
      out.add("cpu utilization " + spec.get("targetCPUUtilizationPercentage").text() + "%");
    }
    for (YamlNode m : spec.get("metrics").items()) {
      String type = m.get("type").text();
      YamlNode body = m.get(type.isEmpty() ? "" : Character.toLowerCase(type.charAt(0)) + type.substring(1));
      String name = body.get("name").text();
      if (name.isEmpty()) name = body.path("metric", "name").text();
      YamlNode target = body.get("target");
      String value;
      if (target.isMap()) {
        value = target.get("averageUtilization").isScalar() ? "utilization " + target.get("averageUtilization").text() + "%"
            : target.get("averageValue").isScalar() ? "average " + target.get("averageValue").text()
            : "value " + target.get("value").text();
      } else if (body.get("targetAverageUtilization").isScalar()) {
        value = "utilization " + body.get("targetAverageUtilization").text() + "%";
      } else if (body.get("targetAverageValue").isScalar()) {
        value = "average " + body.get("targetAverageValue").text();
      } else {
        value = "target not written";
      }
      out.add((type.equals("Resource") ? "" : type.toLowerCase() + " ") + name + " " + value);
    }
    return out;
  }
}
