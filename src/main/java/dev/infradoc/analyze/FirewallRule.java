package dev.infradoc.analyze;

import dev.infradoc.model.Component;
import dev.infradoc.model.Dependency;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One security group rule as the Terraform collector writes it into a component attribute
 * ("ingress: tcp 5432 from 0.0.0.0/0 (why)"), with the group it belongs to and the rule's component.
 */
public record FirewallRule(Component holder, String key, String groupId, String direction, String protocol, int fromPort,
    int toPort, List<String> peers, String text) {

  /** "rule[3]": one of several rules of a security group. */
  private static final Pattern NUMBERED = Pattern.compile("rule\\[\\d+]");
  private static final Pattern FORM = Pattern.compile(
      "^(ingress|egress): (\\S+)(?: (\\d+)(?:-(\\d+))?)? (?:from|to) (.*?)(?: \\((.*)\\))?$");

  /** Every rule in the model: inline rules of security groups and standalone rule resources (cached by the index). */
  public static List<FirewallRule> all(ModelIndex index) {
    return index.firewallRules();
  }

  static List<FirewallRule> parse(ModelIndex index) {
    List<FirewallRule> rules = new ArrayList<>();
    for (Component c : index.model().components()) {
      for (var e : c.attributes().entrySet()) {
        if (!e.getKey().equals("rule") && !(e.getKey().startsWith("rule[") && NUMBERED.matcher(e.getKey()).matches())) continue;
        Matcher m = FORM.matcher(e.getValue());
        if (!m.matches()) continue;
        String group = c.attribute("terraform.type").equals("aws_security_group") ? c.id() : groupOf(index, c);
        int from = m.group(3) == null ? -1 : Integer.parseInt(m.group(3));
        int to = m.group(4) == null ? from : Integer.parseInt(m.group(4));
        if (m.group(2).equals("all")) {
          from = 0;
          to = 65535;
        }
        rules.add(new FirewallRule(c, e.getKey(), group, m.group(1), m.group(2), from, to,
            Arrays.stream(m.group(5).split(",\\s*")).map(String::strip).toList(), e.getValue()));
      }
    }
    return rules;
  }

  /** A standalone rule's group: the security group it references through security_group_id. */
  private static String groupOf(ModelIndex index, Component rule) {
    String ref = rule.attribute("security_group_id").replaceFirst("\\.id$", "");
    for (Dependency d : index.from(rule.id())) {
      if (d.kind().equals(Dependency.DECLARED) && d.to().endsWith(ref)) return d.to();
    }
    return "";
  }

  public boolean ingress() {
    return direction.equals("ingress");
  }

  public boolean covers(int port) {
    return fromPort >= 0 && port >= fromPort && port <= toPort;
  }

  public boolean fromAnywhere(List<String> worldCidrs) {
    return peers.stream().anyMatch(worldCidrs::contains);
  }

  /** "5432", "8000-9000" or "all ports". */
  public String ports() {
    if (fromPort == 0 && toPort == 65535) return "all ports";
    return fromPort == toPort ? String.valueOf(fromPort) : fromPort + "-" + toPort;
  }

  /** Components that use the group (declared references to it), e.g. the RDS instance behind a database group. */
  public List<Component> protectedComponents(ModelIndex index) {
    if (groupId.isEmpty()) return List.of();
    return index.to(groupId).stream().filter(d -> d.kind().equals(Dependency.DECLARED))
        .map(d -> index.component(d.from())).filter(c -> c != null && !c.attribute("terraform.type").contains("security_group"))
        .toList();
  }
}
