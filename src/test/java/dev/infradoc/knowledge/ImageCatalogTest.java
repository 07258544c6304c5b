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
