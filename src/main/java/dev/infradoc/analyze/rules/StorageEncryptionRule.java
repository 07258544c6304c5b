package dev.infradoc.analyze.rules;

import dev.infradoc.analyze.BaseRule;
import dev.infradoc.analyze.ModelIndex;
import dev.infradoc.model.Component;
import dev.infradoc.model.Finding;
import dev.infradoc.model.Severity;
import java.util.ArrayList;
import java.util.List;

/** Storage at rest (RDS, Aurora, ElastiCache, EBS, EFS, EC2 root volumes) declared unencrypted, or not stated (the default is off). */
public final class StorageEncryptionRule extends BaseRule {
  /** Resource type, the attribute that turns encryption on, and what it stores. Each defaults to off when unset. */
  private record Setting(String type, String attribute, String what) {}

  private static final List<Setting> SETTINGS = List.of(
      new Setting("aws_db_instance", "storage_encrypted", "database storage, snapshots and backups"),
      new Setting("aws_rds_cluster", "storage_encrypted", "cluster storage, snapshots and backups"),
      new Setting("aws_elasticache_replication_group", "at_rest_encryption_enabled", "cache snapshots and swap"),
      new Setting("aws_ebs_volume", "encrypted", "the volume and its snapshots"),
      new Setting("aws_efs_file_system", "encrypted", "the file system"),
      new Setting("aws_instance", "root_block_device.encrypted", "the root volume"));

  public StorageEncryptionRule() {
    super("encryption.storage.off-or-unstated", Severity.MEDIUM, "Storage at rest is declared unencrypted, or encryption is not stated and defaults to off");
  }

  @Override
  public List<Finding> check(ModelIndex index) {
    List<Finding> out = new ArrayList<>();
    for (Setting s : SETTINGS) {
      for (Component c : index.ofType(s.type())) {
        if (isTrue(c, s.attribute())) continue;
        // An aws_instance without a root_block_device block says nothing either way about its root volume being set here.
        if (s.type().equals("aws_instance") && c.attribute(s.attribute()).isEmpty()) continue;
        boolean unstated = c.attribute(s.attribute()).isEmpty();
        out.add(finding(c.id(), unstated ? Severity.MEDIUM : Severity.HIGH,
            unstated ? "Encryption at rest of " + c.name() + " is not stated" : c.name() + " is not encrypted at rest",
            unstated ? c.name() + " does not set " + s.attribute() + "; the provider default is false, so " + s.what()
                + " are stored unencrypted unless the account enforces encryption by default (not visible in the code)."
                : c.name() + " sets " + s.attribute() + " = " + c.attribute(s.attribute()) + ": " + s.what() + " are stored unencrypted.",
            List.of(c.id()), evidenceFor(c, s.attribute()),
            "Set " + s.attribute() + " = true on " + c.name() + " (for an existing resource this means a replacement: restore from an encrypted snapshot)."));
      }
    }
    return out;
  }
}
