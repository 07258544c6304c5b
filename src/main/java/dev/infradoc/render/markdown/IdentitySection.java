package dev.infradoc.render.markdown;

import static dev.infradoc.render.markdown.Markdown.text;

import dev.infradoc.model.Component;
import dev.infradoc.render.View;
import java.util.List;

/**
 * Identity and access of declared infrastructure: each IAM role, who may assume it and what its
 * policies allow, as summarised by the Terraform reader (access.* attributes). Written only when
 * the model holds declared resources; a host scan has no IAM roles to speak of.
 */
final class IdentitySection {
  private final View view;

  IdentitySection(View view) {
    this.view = view;
  }

  void render(StringBuilder md) {
    boolean declared = view.model().components().stream().anyMatch(c -> !c.attribute("terraform.type").isEmpty());
    if (!declared) return;
    md.append("## Identity and access\n\n");
    List<Component> roles = view.model().components().stream()
        .filter(c -> c.attribute("terraform.type").equals("aws_iam_role")).toList();
    if (roles.isEmpty()) {
      md.append("No IAM roles were declared.\n\n");
      return;
    }
    md.append("Each IAM role: who may assume it (its trust policy) and what its inline and attached policies allow, "
        + "as written; references stay as written and managed policies are named, not expanded.\n\n");
    md.append(Markdown.header("Role", "Trusted by", "May", "Evidence"));
    for (Component r : roles) {
      md.append(Markdown.row(text(r.name()), text(InventorySection.or(r.attribute("access.trusted_by"), "not stated")),
          allows(r.attribute("access.allows")),
          Markdown.evidence(r.evidence(), 3)));
    }
    md.append("\n");
  }

  /** One line per policy, each escaped on its own. */
  private static String allows(String summary) {
    if (summary.isEmpty()) return "no policy attached in this code";
    return String.join("<br>", java.util.Arrays.stream(summary.split("; ")).map(Markdown::text).toList());
  }
}
