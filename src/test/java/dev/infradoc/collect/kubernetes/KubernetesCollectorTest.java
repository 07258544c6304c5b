package dev.infradoc.collect.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.infradoc.collect.CollectContext;
import dev.infradoc.collect.CollectEvents;
import dev.infradoc.collect.CollectOptions;
import dev.infradoc.collect.Target;
import dev.infradoc.knowledge.Knowledge;
import dev.infradoc.model.Component;
import dev.infradoc.model.ComponentKind;
import dev.infradoc.model.Fragment;
import dev.infradoc.model.Listen;
import dev.infradoc.redact.Redactor;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubernetesCollectorTest {
  @TempDir Path dir;
  private final CollectContext context =
      new CollectContext(CollectOptions.defaults(), Knowledge.load(), new Redactor(), CollectEvents.NONE);

  private Fragment collect(String yaml) throws Exception {
    Files.writeString(dir.resolve("all.yaml"), yaml);
    return new KubernetesCollector().collect(Target.parse(dir.toString()), context);
  }

  private static Component component(Fragment f, String id) {
    return f.components.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void collect_listensOnAllInterfaces_forAnExternalLoadBalancerAndNodePorts_butNotAnInternalOne() throws Exception {
    Fragment f = collect("""
        apiVersion: v1
        kind: Service
        metadata: {name: public}
        spec: {type: LoadBalancer, ports: [{port: 443, targetPort: 8443}]}
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: private
          annotations: {service.beta.kubernetes.io/aws-load-balancer-internal: "true"}
        spec: {type: LoadBalancer, ports: [{port: 443}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: np}
        spec: {type: NodePort, ports: [{port: 80, nodePort: 30080}]}
        """);
    assertThat(component(f, "k8s:default/service/public").listens()).containsExactly(new Listen("0.0.0.0", 443, "tcp"));
    assertThat(component(f, "k8s:default/service/public").kind()).isEqualTo(ComponentKind.LOAD_BALANCER);
    assertThat(component(f, "k8s:default/service/private").listens()).isEmpty();
    assertThat(component(f, "k8s:default/service/private").attribute("exposure")).isEqualTo("internal load balancer");
    assertThat(component(f, "k8s:default/service/np").listens()).containsExactly(new Listen("0.0.0.0", 30080, "tcp"));
  }

  @Test
  void collect_readsListItems_andReportsDuplicatesAndMissingHpaTargets() throws Exception {
    Fragment f = collect("""
        apiVersion: v1
        kind: List
        items:
          - apiVersion: apps/v1
            kind: DaemonSet
            metadata: {name: agent, namespace: ops}
            spec: {template: {spec: {containers: [{name: a, image: "grafana/promtail:3.0.0"}]}}}
        ---
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: agent, namespace: ops}
        ---
        apiVersion: autoscaling/v1
        kind: HorizontalPodAutoscaler
        metadata: {name: api, namespace: ops}
        spec: {scaleTargetRef: {kind: Deployment, name: api}, maxReplicas: 4, targetCPUUtilizationPercentage: 60}
        """);
    Component agent = component(f, "k8s:ops/daemonset/agent");
    assertThat(agent.kind()).isEqualTo(ComponentKind.LOGGING);
    assertThat(agent.attribute("replicas")).isEqualTo("one per node");
    assertThat(f.problems).anyMatch(p -> p.reason().contains("also defined at all.yaml:4"));
    assertThat(f.problems).anyMatch(p -> p.reason().contains("scales Deployment api, which is not in these files"));
  }

  @Test
  void collect_attachesV1AutoscalingToTheWorkload_andResolvesNamedTargetPorts() throws Exception {
    Fragment f = collect("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: api}
        spec:
          template:
            metadata: {labels: {app: api, tier: be}}
            spec: {containers: [{name: api, image: acme/api, ports: [{name: web, containerPort: 8080}]}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: api}
        spec: {selector: {app: api}, ports: [{port: 80, targetPort: web}]}
        ---
        apiVersion: autoscaling/v1
        kind: HorizontalPodAutoscaler
        metadata: {name: api}
        spec: {scaleTargetRef: {kind: Deployment, name: api}, minReplicas: 2, maxReplicas: 4, targetCPUUtilizationPercentage: 60}
        """);
    Component api = component(f, "k8s:default/deployment/api");
    assertThat(api.attribute("autoscaling.metrics")).isEqualTo("cpu utilization 60%");
    assertThat(api.attribute("autoscaling.max")).isEqualTo("4");
    assertThat(f.dependencies).anyMatch(d -> d.from().equals("k8s:default/service/api")
        && d.to().equals("k8s:default/deployment/api") && d.port() == 8080);
  }
}
