package dev.infradoc.collect.terraform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openrewrite.hcl.tree.Expression;
import org.openrewrite.hcl.tree.Hcl;

/**
 * A {@code data "aws_iam_policy_document"} block written as the policy JSON it stands for, so an
 * IAM role whose policy is {@code data.aws_iam_policy_document.x.json} can be summarised like one
 * written inline. Values that are not known stay as written ({@code aws_s3_bucket.assets.arn});
 * {@code source_policy_documents} and {@code override_policy_documents} are not merged in.
 */
final class PolicyDocument {
  static final String TYPE = "aws_iam_policy_document";
  private static final ObjectMapper JSON = new ObjectMapper();

  private PolicyDocument() {}

  static String json(Hcl.Block block, Scope scope) {
    List<Map<String, Object>> statements = new ArrayList<>();
    for (Blocks.Occurrence o : Blocks.nested(block, "statement", scope)) {
      Map<String, Object> s = new LinkedHashMap<>();
      String effect = String.join("", strings(o.body(), "effect", o.scope()));
      s.put("Effect", effect.isEmpty() ? "Allow" : effect);
      put(s, "Action", strings(o.body(), "actions", o.scope()));
      put(s, "NotAction", strings(o.body(), "not_actions", o.scope()));
      put(s, "Resource", strings(o.body(), "resources", o.scope()));
      put(s, "NotResource", strings(o.body(), "not_resources", o.scope()));
      Map<String, List<String>> principals = new LinkedHashMap<>();
      for (Blocks.Occurrence p : Blocks.nested(o.body(), "principals", o.scope())) {
        String type = String.join("", strings(p.body(), "type", p.scope()));
        principals.computeIfAbsent(type, k -> new ArrayList<>()).addAll(strings(p.body(), "identifiers", p.scope()));
      }
      if (!principals.isEmpty()) s.put("Principal", principals);
      if (!Blocks.nested(o.body(), "condition", o.scope()).isEmpty()) s.put("Condition", Map.of());
      statements.add(s);
    }
    try {
      return JSON.writeValueAsString(Map.of("Statement", statements));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a policy document could not be written as JSON", e);
    }
  }

  private static void put(Map<String, Object> s, String key, List<String> values) {
    if (!values.isEmpty()) s.put(key, values);
  }

  /** The attribute's value as strings: each item of a list, or the one value, as written when unknown. */
  private static List<String> strings(Hcl.Block b, String name, Scope scope) {
    Expression e = ModuleDecl.value(b, name);
    if (e == null) return List.of();
    TfValue v = Evaluator.eval(e, scope);
    if (v instanceof TfValue.ListV l) return l.items().stream().map(TfValue::display).toList();
    return v instanceof TfValue.Null ? List.of() : List.of(v.display());
  }
}
