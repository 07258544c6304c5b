package dev.infradoc.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import dev.infradoc.collect.CollectContext;
import dev.infradoc.collect.CollectEvents;
import dev.infradoc.collect.CollectOptions;
import dev.infradoc.collect.Target;
import dev.infradoc.collect.terraform.TerraformCollector;
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

/** encryption.storage.off-or-unstated over EBS volumes and EFS file systems as the Terraform collector reads them. */
class StorageEncryptionFromCodeTest {
  @Test
  void ebsAndEfs_areFlagged_unlessEncrypted(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("main.tf"), """
        resource "aws_ebs_volume" "data" {
          availability_zone = "eu-west-1a"
          size              = 100
          encrypted         = false
        }

        resource "aws_ebs_volume" "logs" {
          availability_zone = "eu-west-1a"
          size              = 20
          encrypted         = true
        }

        resource "aws_efs_file_system" "shared" {
          creation_token = "shared"
        }

        resource "aws_efs_file_system" "media" {
          creation_token = "media"
          encrypted      = true
        }
        """);
    CollectContext context = new CollectContext(CollectOptions.defaults(), Knowledge.load(), new Redactor(), CollectEvents.NONE);
    Model model = new ModelBuilder().add(new TerraformCollector().collect(Target.parse(dir.toString()), context))
        .build(new Model.GeneratedBy("infradoc", "test"), "2026-01-01T00:00:00Z");
    List<Finding> found = new Analyzer().analyze(model).findings().stream()
        .filter(f -> f.rule().equals("encryption.storage.off-or-unstated")).toList();
    assertThat(found).extracting(Finding::id).containsExactlyInAnyOrder(
        "encryption.storage.off-or-unstated:tf:aws_ebs_volume.data", "encryption.storage.off-or-unstated:tf:aws_efs_file_system.shared");
    assertThat(found).anySatisfy(f -> assertThat(f.detail()).contains("sets encrypted = false"));
    assertThat(found).anySatisfy(f -> assertThat(f.detail()).contains("does not set encrypted"));
  }
}
