package dev.infradoc.collect.terraform;

import dev.infradoc.collect.terraform.TfValue.ListV;
import dev.infradoc.model.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.openrewrite.hcl.tree.Expression;
import org.openrewrite.hcl.tree.Hcl;

/**
 * AWS security group rules, inline ({@code ingress}/{@code egress} blocks) or as their own
 * resources: who may reach the group, on which protocol and ports.
 */
final class SecurityRules {
  private SecurityRules() {}

  static void read(ModuleInstance m, ResourceRecord r, HclFile file, Hcl.Block block, Scope scope) {
    switch (r.type) {
      case "aws_security_group" -> {
        for (String direction : List.of("ingress", "egress")) {
          for (Blocks.Occurrence o : Blocks.nested(block, direction, scope)) {
            Hcl.Block b = o.body();
            Scope s = o.scope();
            r.rules.add(new SecurityRule(direction, protocol(text(b, "protocol", s)), text(b, "from_port", s),
                text(b, "to_port", s), cidrs(b, s, "cidr_blocks", "ipv6_cidr_blocks", "prefix_list_ids"),
                refs(m, file, b, s, "security_groups"), TfValue.isTrue(eval(b, "self", s)), Set.of(r.id),
                text(b, "description", s), m.run.evidence(file.locator(o.cited()), file.lineText(o.cited()))));
          }
        }
      }
      case "aws_security_group_rule" -> r.rules.add(new SecurityRule(text(block, "type", scope),
          protocol(text(block, "protocol", scope)), text(block, "from_port", scope), text(block, "to_port", scope),
          cidrs(block, scope, "cidr_blocks", "ipv6_cidr_blocks", "prefix_list_ids"),
          refs(m, file, block, scope, "source_security_group_id"), TfValue.isTrue(eval(block, "self", scope)),
          refs(m, file, block, scope, "security_group_id"), text(block, "description", scope),
          m.run.evidence(file.locator(block), file.lineText(block))));
      case "aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule" -> r.rules.add(
          new SecurityRule(r.type.contains("ingress") ? "ingress" : "egress",
              protocol(text(block, "ip_protocol", scope)), text(block, "from_port", scope), text(block, "to_port", scope),
              cidrs(block, scope, "cidr_ipv4", "cidr_ipv6", "prefix_list_id"),
              refs(m, file, block, scope, "referenced_security_group_id"), false,
              refs(m, file, block, scope, "security_group_id"), text(block, "description", scope),
              m.run.evidence(file.locator(block), file.lineText(block))));
      default -> { }
    }
  }

  private static TfValue eval(Hcl.Block b, String name, Scope s) {
    Expression e = ModuleDecl.value(b, name);
    return e == null ? null : Evaluator.eval(e, s);
  }

  private static String text(Hcl.Block b, String name, Scope s) {
    TfValue v = eval(b, name, s);
    return v == null || v instanceof TfValue.Null ? "" : v.display();
  }

  /** "-1" means every protocol. */
  private static String protocol(String p) {
    return p.equals("-1") || p.equalsIgnoreCase("all") ? "all" : p;
  }

  private static List<String> cidrs(Hcl.Block b, Scope s, String... names) {
    List<String> out = new ArrayList<>();
    for (String n : names) {
      TfValue v = eval(b, n, s);
      if (v == null || v instanceof TfValue.Null) continue;
      if (v instanceof ListV l) l.items().forEach(x -> out.add(x.display()));
      else out.add(v.display());
    }
    return out;
  }

  private static Set<String> refs(ModuleInstance m, HclFile file, Hcl.Block b, Scope s, String name) {
    Hcl.Attribute a = ModuleDecl.attribute(b, name);
    if (a == null) return Set.of();
    Refs found = new Refs();
    m.walker.walk(a.getValue(), s, Evidence.of(m.run.sourceId, file.locator(a), ""), found);
    return new TreeSet<>(found.targets.keySet());
  }
}
