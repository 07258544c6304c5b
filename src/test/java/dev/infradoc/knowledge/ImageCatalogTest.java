package dev.infradoc.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.infradoc.model.ComponentKind;
import org.junit.jupiter.api.Test;

class ImageCatalogTest {
  private final ImageCatalog images = ImageCatalog.shipped();

  @Test
  void parse_dropsRegistryLibraryTagAndDigest() {
    assertThat(ImageCatalog.parse("docker.io/library/postgres:16-alpine"))
        .isEqualTo(new ImageCatalog.ImageRef("postgres", "16-alpine", ""));
    assertThat(ImageCatalog.parse("localhost:5000/team/app@sha256:abc"))
        .isEqualTo(new ImageCatalog.ImageRef("team/app", "", "sha256:abc"));
    assertThat(ImageCatalog.parse("${REGISTRY}/api:${TAG}").tag()).isEmpty();
  }

  @Test
  void name_sameAs_ignoresTheTag_evenAVariableOne_butNotTheRegistry() {
    ImageCatalog.ImageName pushed = ImageCatalog.name("ghcr.io/acme/web:${{ github.sha }}");
    assertThat(pushed).isEqualTo(new ImageCatalog.ImageName("ghcr.io", "acme/web"));
    assertThat(pushed.sameAs(ImageCatalog.name("ghcr.io/acme/web:1.4.2"))).isTrue();
    assertThat(pushed.sameAs(ImageCatalog.name("GHCR.io/acme/web@sha256:abc"))).isTrue();
    assertThat(pushed.sameAs(ImageCatalog.name("ghcr.io/acme/web"))).isTrue();
    assertThat(pushed.sameAs(ImageCatalog.name("quay.io/acme/web:1.4.2"))).as("another registry").isFalse();
    assertThat(pushed.sameAs(ImageCatalog.name("acme/web:1.4.2"))).as("Docker Hub").isFalse();
    assertThat(pushed.sameAs(ImageCatalog.name("ghcr.io/acme/web-worker:1.4.2"))).isFalse();
    assertThat(ImageCatalog.name("nginx:${TAG:-1.27}")).isEqualTo(new ImageCatalog.ImageName("docker.io", "nginx"));
  }

  @Test
  void name_knowsDockerHubByItsNames() {
    ImageCatalog.ImageName nginx = ImageCatalog.name("nginx:1.27");
    assertThat(nginx.sameAs(ImageCatalog.name("docker.io/library/nginx:1.25"))).isTrue();
    assertThat(nginx.sameAs(ImageCatalog.name("index.docker.io/library/nginx"))).isTrue();
    assertThat(ImageCatalog.name("localhost:5000/team/app:1").registry()).isEqualTo("localhost:5000");
  }

  @Test
  void name_aRegistryVariableMatchesAnyRegistry_anyOtherVariableInTheNameMatchesNothing() {
    ImageCatalog.ImageName ecr = ImageCatalog.name("${{ steps.ecr.outputs.registry }}/shop-api:${{ github.sha }}");
    assertThat(ecr).isEqualTo(new ImageCatalog.ImageName("", "shop-api"));
    assertThat(ecr.sameAs(ImageCatalog.name("123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop-api:${var.image_tag}"))).isTrue();
    assertThat(ImageCatalog.name("$REGISTRY/shop-api:1").sameAs(ImageCatalog.name("ghcr.io/shop-api:2"))).isTrue();
    // A variable that is not said to be a registry may be an owner or a whole name: nothing is matched on it.
    assertThat(ImageCatalog.name("${{ github.repository_owner }}/web:1").repository()).isEmpty();
    assertThat(ImageCatalog.name("ghcr.io/${{ github.repository }}:latest").repository()).isEmpty();
    assertThat(ImageCatalog.name("$IMAGE").sameAs(ImageCatalog.name("$IMAGE"))).as("two unknowns are not one image").isFalse();
  }

  @Test
  void find_knowsDataStoresQueuesAndEdgeByImage() {
    assertThat(images.find("postgres:16").map(ImageCatalog.ImageKind::kind)).contains(ComponentKind.DATABASE.id());
    assertThat(images.find("bitnami/kafka:3.7").map(ImageCatalog.ImageKind::kind)).contains(ComponentKind.STREAM.id());
    assertThat(images.find("confluentinc/cp-kafka:7.6.1").map(ImageCatalog.ImageKind::technology)).contains("Apache Kafka");
    assertThat(images.find("redis:7").map(ImageCatalog.ImageKind::kind)).contains(ComponentKind.CACHE.id());
    assertThat(images.find("traefik:v3.1").map(ImageCatalog.ImageKind::kind)).contains(ComponentKind.LOAD_BALANCER.id());
    assertThat(images.find("otel/opentelemetry-collector-contrib:0.104.0").map(ImageCatalog.ImageKind::kind)).contains(ComponentKind.TRACING.id());
    assertThat(images.find("docker.elastic.co/elasticsearch/elasticsearch:8.14.0").map(ImageCatalog.ImageKind::kind)).contains(ComponentKind.SEARCH.id());
  }

  @Test
  void find_classifiesExportersAsMonitoring_notAsWhatTheyExport() {
    assertThat(images.find("quay.io/prometheuscommunity/postgres-exporter:v0.15.0").map(ImageCatalog.ImageKind::kind))
        .contains(ComponentKind.MONITORING.id());
    assertThat(images.find("quay.io/prometheus/node-exporter:v1.8.2").map(ImageCatalog.ImageKind::id)).contains("node-exporter");
  }

  @Test
  void entries_allNameAComponentKindOfTheModel() {
    assertThat(images.entries()).isNotEmpty().allSatisfy(i -> ComponentKind.fromId(i.kind()));
  }

  @Test
  void find_knowsNothing_aboutTheProjectsOwnImages() {
    assertThat(images.find("ghcr.io/acme/shop-web:1.4.2")).isEmpty();
  }
}
