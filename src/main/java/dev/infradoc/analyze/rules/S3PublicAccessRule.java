package dev.infradoc.analyze.rules;

import dev.infradoc.analyze.BaseRule;
import dev.infradoc.analyze.ModelIndex;
import dev.infradoc.model.Component;
import dev.infradoc.model.Finding;
import dev.infradoc.model.Severity;
import java.util.ArrayList;
import java.util.List;

/** An S3 bucket with a public ACL, without a public access block, or with a block that leaves a setting off. */
public final class S3PublicAccessRule extends BaseRule {
  private static final List<String> SETTINGS = List.of("block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets");

  public S3PublicAccessRule() {
    super("security.s3.public-access", Severity.MEDIUM, "An S3 bucket is public, or has no complete public access block");
  }

  @Override
  public List<Finding> check(ModelIndex index) {
    List<Finding> out = new ArrayList<>();
    for (Component b : index.ofType("aws_s3_bucket")) {
      String acl = value(b, "acl");
      if (acl.startsWith("public-read")) {
        out.add(finding(b.id(), Severity.HIGH, b.name() + " is public (acl " + acl + ")",
            b.name() + " sets acl = " + acl + ": anyone can list and read its objects" + (acl.equals("public-read-write") ? " and write to it." : "."),
            List.of(b.id()), evidenceFor(b, "acl"),
            "Set the ACL of " + b.name() + " to private and serve public files through CloudFront with origin access control."));
        continue;
      }
      List<Component> blocks = index.referrers(b.id(), "aws_s3_bucket_public_access_block");
      if (blocks.isEmpty()) {
        out.add(finding(b.id(), b.name() + " has no public access block",
            "No aws_s3_bucket_public_access_block refers to " + b.name() + ": a later ACL or bucket policy can make its objects public.",
            List.of(b.id()), declaration(b),
            "Add an aws_s3_bucket_public_access_block for " + b.name() + " with all four settings true."));
        continue;
      }
      Component block = blocks.get(0);
      List<String> off = SETTINGS.stream().filter(s -> !isTrue(block, s)).map(s -> s + (block.attribute(s).isEmpty() ? " (not set)" : " = " + block.attribute(s))).toList();
      if (off.isEmpty()) continue;
      out.add(finding(b.id(), b.name() + "'s public access block leaves " + off.size() + " of 4 settings off",
          block.name() + " protects " + b.name() + " but " + String.join(", ", off) + ".",
          List.of(b.id(), block.id()), evidenceFor(block, SETTINGS.toArray(String[]::new)),
          "Set " + String.join(", ", SETTINGS) + " to true in " + block.name() + " unless the bucket is meant to be public."));
    }
    return out;
  }
}
