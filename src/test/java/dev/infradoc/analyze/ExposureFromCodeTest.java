package dev.infradoc.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import dev.infradoc.collect.CollectContext;
import dev.infradoc.collect.CollectEvents;
import dev.infradoc.collect.CollectOptions;
import dev.infradoc.collect.Target;
import dev.infradoc.collect.compose.ComposeCollector;
import dev.infradoc.collect.kubernetes.KubernetesCollector;
import dev.infradoc.knowledge.Knowledge;
import dev.infradoc.model.Finding;
import dev.infradoc.model.Model;
import dev.infradoc.model.ModelBuilder;
import dev.infradoc.redact.Redactor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exposure rules over models the Compose and Kubernetes collectors build from real files. */
class ExposureFromCodeTest {
  private static final CollectContext CONTEXT =
      new CollectContext(CollectOptions.defaults(), Knowledge.load(), new Redactor(), CollectEvents.NONE);

  private static List<Finding> findings(Model model, String rule) {
    return new Analyzer().analyze(model).findings().stream().filter(f -> f.rule().equals(rule)).toList();
  }

  private static Model build(dev.infradoc.model.Fragment f) {
    return new ModelBuilder().add(f).build(new Model.GeneratedBy("infradoc", "test"), "2026-01-01T00:00:00Z");
  }

  @Test
  void composeShop_flagsOnlyThePostgresPublishedOnAllInterfaces() throws Exception {
    Path input = Path.of("src/test/resources/golden/iac/compose-shop/input");
    Model model = build(new ComposeCollector().collect(Target.parse(input.toString()), CONTEXT));
    List<Finding> found = findings(model, "security.datastore.listens-beyond-loopback");
    // db publishes 0.0.0.0:5432; cache (redis) publishes nothing, so it must not be flagged.
    assertThat(found).extracting(Finding::components).containsExactly(List.of("compose:shop/db"));
    assertThat(found.get(0).evidence()).allSatisfy(e -> assertThat(e.locator()).contains("compose"));
    assertThat(found.get(0).evidence()).anySatisfy(e -> assertThat(e.excerpt()).contains("5432"));
  }

  @Test
  void kubernetes_flagsALoadBalancerSelectingPostgres_notTheClusterIpSelectingRedis(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("db.yaml"), """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: postgres, namespace: shop}
        spec:
          serviceName: postgres
          selector: {matchLabels: {app: postgres}}
          template:
            metadata: {labels: {app: postgres}}
            spec:
              containers:
                - name: postgres
                  image: postgres:16.4
                  ports: [{containerPort: 5432, name: postgres}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: postgres-public, namespace: shop}
        spec:
          type: LoadBalancer
          selector: {app: postgres}
          ports: [{port: 5432, targetPort: postgres}]
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: redis, namespace: shop}
        spec:
          selector: {matchLabels: {app: redis}}
          template:
            metadata: {labels: {app: redis}}
            spec:
              containers: [{name: redis, image: "redis:7.2", ports: [{containerPort: 6379}]}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: redis, namespace: shop}
        spec:
          selector: {app: redis}
          ports: [{port: 6379}]
        """);
    Target target = Target.parse(dir.toString());
    KubernetesCollector collector = new KubernetesCollector();
    assertThat(collector.supports(target)).isTrue();
    Model model = build(collector.collect(target, CONTEXT));
    List<Finding> found = findings(model, "security.datastore.listens-beyond-loopback");
    assertThat(found).extracting(Finding::id).containsExactly("security.datastore.listens-beyond-loopback:k8s:shop/service/postgres-public");
    assertThat(found.get(0).components()).contains("k8s:shop/statefulset/postgres");
    assertThat(found.get(0).detail()).contains("LoadBalancer");
  }
}
