package dev.infradoc.collect.terraform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What each IAM role is trusted by and may do, summarised on the role from its trust policy, its
 * inline policies (aws_iam_role_policy, inline_policy), the policies attached to it
 * (aws_iam_role_policy_attachment, managed_policy_arns) and those policies' documents. Every
 * record a summary is drawn from adds its declaration to the role's evidence. A policy built
 * elsewhere (a data source, a variable) is named as such, not guessed.
 */
final class IamSummary {
  private static final int MAX_ITEMS = 4;

  private IamSummary() {}

  static void apply(Map<String, ResourceRecord> byId) {
    Map<String, List<ResourceRecord>> linked = new TreeMap<>();
    for (ResourceRecord r : byId.values()) {
      if (!r.type.equals("aws_iam_role_policy") && !r.type.equals("aws_iam_role_policy_attachment")) continue;
      r.refsAt("role").forEach(role -> linked.computeIfAbsent(role, k -> new ArrayList<>()).add(r));
    }
    for (ResourceRecord role : byId.values()) {
      if (!role.type.equals("aws_iam_role")) continue;
      List<String> trusted = new ArrayList<>();
      for (PolicyText.Statement s : PolicyText.statements(document(role, role.attributes.get("assume_role_policy"), byId, role))) {
        if (s.effect().equals("Allow")) s.principals().forEach(p -> trusted.add(p + (s.conditional() ? " (with conditions)" : "")));
      }
      if (!trusted.isEmpty()) role.attributes.put("access.trusted_by", list(trusted));
      List<String> grants = new ArrayList<>();
      role.attributes.forEach((k, v) -> {
        if (k.matches("inline_policy(\\[\\d+])?\\.policy")) grants.add(policy("inline policy", document(role, v, byId, role)));
      });
      String managed = role.attributes.getOrDefault("managed_policy_arns", "");
      for (String arn : managed.replaceAll("^\\[|]$", "").split(",\\s*")) {
        if (!arn.isBlank()) grants.add(attached(arn.strip(), Set.of(), byId, role));
      }
      for (ResourceRecord r : linked.getOrDefault(role.id, List.of())) {
        grants.add(r.type.equals("aws_iam_role_policy") ? policy(r.address, document(r, r.attributes.get("policy"), byId, role))
            : attached(r.attributes.getOrDefault("policy_arn", ""), r.refsAt("policy_arn"), byId, role));
        cite(role, r);
        r.refsAt("policy_arn").stream().map(byId::get).filter(p -> p != null).forEach(p -> cite(role, p));
      }
      if (!grants.isEmpty()) role.attributes.put("access.allows", String.join("; ", grants));
    }
  }

  /** A policy attached by ARN: a policy of this code (its statements), or a managed policy by name. */
  private static String attached(String arn, Set<String> refs, Map<String, ResourceRecord> byId, ResourceRecord role) {
    for (String id : refs) {
      ResourceRecord p = byId.get(id);
      if (p != null && p.type.equals("aws_iam_policy")) return policy(p.address, document(p, p.attributes.get("policy"), byId, role));
    }
    String bare = arn.replace("\"", "");
    int slash = bare.lastIndexOf('/');
    if (bare.startsWith("arn:aws:iam::aws:policy/")) return "AWS managed policy " + bare.substring(slash + 1);
    return "policy " + bare;
  }

  /**
   * The policy text, or when it is {@code data.aws_iam_policy_document.NAME.json} of the same
   * module as {@code from}, that document's JSON (and its declaration joins the role's evidence).
   */
  private static String document(ResourceRecord from, String text, Map<String, ResourceRecord> byId, ResourceRecord role) {
    if (text == null) return null;
    java.util.regex.Matcher m = DOCUMENT.matcher(text.strip());
    if (!m.matches()) return text;
    int at = from.address.lastIndexOf(from.type + ".");
    String module = at < 0 ? "" : from.address.substring(0, at);
    String root = from.id.substring(0, from.id.length() - from.address.length());
    ResourceRecord doc = byId.get(root + module + "data." + PolicyDocument.TYPE + "." + m.group(1));
    if (doc == null) return text;
    cite(role, doc);
    return doc.attributes.getOrDefault("json", text);
  }

  private static final java.util.regex.Pattern DOCUMENT =
      java.util.regex.Pattern.compile("data\\." + PolicyDocument.TYPE + "\\.([A-Za-z0-9_-]+)\\.json");

  private static String policy(String name, String document) {
    List<PolicyText.Statement> statements = PolicyText.statements(document);
    if (statements.isEmpty()) {
      return name + ": " + (document == null || document.isBlank() ? "no document" : "document " + shorten(document) + " (not read as a policy)");
    }
    List<String> parts = new ArrayList<>();
    for (PolicyText.Statement s : statements) {
      parts.add(s.effect() + (s.notAction() ? " all but " : " ") + list(s.actions()) + " on "
          + (s.notResource() ? "all but " : "") + list(s.resources()) + (s.conditional() ? " (with conditions)" : ""));
    }
    return name + ": " + String.join(", ", parts);
  }

  private static String list(List<String> items) {
    if (items.isEmpty()) return "(none)";
    if (items.size() <= MAX_ITEMS) return String.join(", ", items);
    return String.join(", ", items.subList(0, MAX_ITEMS)) + " (+" + (items.size() - MAX_ITEMS) + " more)";
  }

  private static String shorten(String s) {
    String one = s.replaceAll("\\s+", " ").strip();
    return one.length() <= 60 ? one : one.substring(0, 57) + "...";
  }

  private static void cite(ResourceRecord role, ResourceRecord from) {
    if (!from.declaredAt.isEmpty()) {
      from.evidence.stream().filter(e -> e.locator().equals(from.declaredAt)).findFirst().ifPresent(role.evidence::add);
    }
  }

}
