package dev.infradoc.analyze.rules;

import dev.infradoc.analyze.BaseRule;
import dev.infradoc.analyze.ModelIndex;
import dev.infradoc.model.Component;
import dev.infradoc.model.Finding;
import dev.infradoc.model.Severity;
import java.util.ArrayList;
import java.util.List;

/** An S3 bucket with no server-side encryption configuration in the code. */
public final class S3EncryptionRule extends BaseRule {
  public S3EncryptionRule() {
    super("encryption.s3.unstated", Severity.LOW, "An S3 bucket has no server-side encryption configuration");
  }

  @Override
  public List<Finding> check(ModelIndex index) {
    List<Finding> out = new ArrayList<>();
    for (Component b : index.ofType("aws_s3_bucket")) {
      boolean inline = !b.attribute("server_side_encryption_configuration.rule.apply_server_side_encryption_by_default.sse_algorithm").isEmpty();
      if (inline || !index.referrers(b.id(), "aws_s3_bucket_server_side_encryption_configuration").isEmpty()) continue;
      out.add(finding(b.id(), "Encryption of " + b.name() + " is not stated",
          "No server-side encryption configuration refers to " + b.name() + ". S3 encrypts new objects with S3-managed keys (SSE-S3) "
              + "by default since January 2023, but no KMS key is chosen, so key access cannot be audited or revoked separately.",
          List.of(b.id()), declaration(b),
          "Add an aws_s3_bucket_server_side_encryption_configuration for " + b.name() + " (aws:kms with a customer-managed key if access to the data must be auditable)."));
    }
    return out;
  }
}
