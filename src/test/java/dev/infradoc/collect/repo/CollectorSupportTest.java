package dev.infradoc.collect.repo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.infradoc.collect.Target;
import dev.infradoc.collect.actions.ActionsCollector;
import dev.infradoc.collect.compose.ComposeCollector;
import dev.infradoc.collect.kubernetes.KubernetesCollector;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollectorSupportTest {
  @TempDir Path dir;

  @Test
  void supports_isFalse_forAFolderWithoutSuchFiles_andForHostTargets() throws Exception {
    Files.writeString(dir.resolve("README.md"), "apiVersion: v1\nkind: Service\n");
    Files.writeString(dir.resolve("values.yaml"), "replicaCount: 2\n");
    Target t = Target.parse(dir.toString());
    assertThat(new ComposeCollector().supports(t)).isFalse();
    assertThat(new KubernetesCollector().supports(t)).isFalse();
    assertThat(new ActionsCollector().supports(t)).isFalse();
    assertThat(new ComposeCollector().supports(Target.parse("local"))).isFalse();
    assertThat(new KubernetesCollector().supports(Target.parse("ssh://web1"))).isFalse();
  }

  @Test
  void supports_findsFilesInSubfolders_butNotInSkippedFolders() throws Exception {
    Files.createDirectories(dir.resolve("node_modules/x"));
    Files.writeString(dir.resolve("node_modules/x/docker-compose.yml"), "services: {a: {image: redis}}\n");
    Files.createDirectories(dir.resolve(".terraform/modules"));
    Files.writeString(dir.resolve(".terraform/modules/k.yaml"), "apiVersion: v1\nkind: Service\n");
    Target t = Target.parse(dir.toString());
    assertThat(new ComposeCollector().supports(t)).isFalse();
    assertThat(new KubernetesCollector().supports(t)).isFalse();

    Files.createDirectories(dir.resolve("ops/k8s"));
    Files.writeString(dir.resolve("ops/k8s/svc.yml"), "apiVersion: v1\nkind: Service\nmetadata: {name: a}\n");
    Files.createDirectories(dir.resolve("ops/.github/workflows"));
    Files.writeString(dir.resolve("ops/.github/workflows/ci.yaml"), "on: push\njobs: {}\n");
    Files.writeString(dir.resolve("ops/compose.yaml"), "services: {a: {image: redis}}\n");
    assertThat(new KubernetesCollector().supports(t)).isTrue();
    assertThat(new ActionsCollector().supports(t)).isTrue();
    assertThat(new ComposeCollector().supports(t)).isTrue();
  }

  @Test
  void supports_isTrue_forASingleFileTarget_ofItsKind() throws Exception {
    Path compose = dir.resolve("docker-compose.prod.yml");
    Files.writeString(compose, "services: {a: {image: redis}}\n");
    Path manifest = dir.resolve("deploy.yaml");
    Files.writeString(manifest, "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\n");
    Files.createDirectories(dir.resolve(".github/workflows"));
    Path workflow = dir.resolve(".github/workflows/ci.yml");
    Files.writeString(workflow, "on: push\njobs: {}\n");
    assertThat(new ComposeCollector().supports(Target.parse(compose.toString()))).isTrue();
    assertThat(new KubernetesCollector().supports(Target.parse(manifest.toString()))).isTrue();
    assertThat(new KubernetesCollector().supports(Target.parse(compose.toString()))).isFalse();
    assertThat(new ActionsCollector().supports(Target.parse(workflow.toString()))).isTrue();
    assertThat(new ActionsCollector().supports(Target.parse(manifest.toString()))).isFalse();
  }
}
