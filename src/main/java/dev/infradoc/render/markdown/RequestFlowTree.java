package dev.infradoc.render.markdown;

import static dev.infradoc.render.markdown.Markdown.text;

import dev.infradoc.model.Component;
import dev.infradoc.model.Dependency;
import dev.infradoc.render.View;
import dev.infradoc.render.iac.Describe;
import dev.infradoc.render.iac.Hop;
import dev.infradoc.render.iac.Placement;
import dev.infradoc.render.iac.Traffic;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Request flow of declared infrastructure as a tree from each entry point: every step says what it
 * is (listener, target group, service), its ports and checks, where it sits, and the line behind it.
 */
final class RequestFlowTree {
  private final View view;
  private final Traffic traffic;
  private final Describe describe;
  private final Placement placement;
  private final Set<String> expanded = new HashSet<>();

  RequestFlowTree(View view, Traffic traffic) {
    this.view = view;
    this.traffic = traffic;
    this.describe = Describe.of(view.model());
    this.placement = Placement.of(view.model());
  }

  void render(StringBuilder md) {
    md.append("Derived from what carries requests (knowledge/traffic.yaml), not from which resource names which: "
        + "a listener names its load balancer, but requests go from the load balancer to the listener. "
        + "_may connect_ steps come from security-group rules: the rule allows the connection; nothing says it is made.\n\n");
    for (Hop entry : traffic.entries()) {
      md.append("- from **").append(text(entry.from().substring(Hop.OUTSIDE.length()))).append("**\n");
      step(md, entry, 1, null, new HashSet<>());
    }
    md.append("\n");
  }

  private void step(StringBuilder md, Hop hop, int depth, String lastWearer, Set<String> onPath) {
    Component to = view.component(hop.to());
    md.append("  ".repeat(depth)).append("- ").append(text(hop.says())).append(" **").append(text(view.label(to))).append("**");
    if (!hop.traffic().isEmpty()) md.append(" (").append(text(hop.traffic())).append(")");
    String detail = describe.column("flow", "detail", to).text();
    String where = placement.describe(to);
    if (!detail.isEmpty() || !where.isEmpty()) {
      md.append(": ").append(text(String.join("; ", List.of(detail, where.isEmpty() ? "" : "in " + where).stream()
          .filter(s -> !s.isEmpty()).toList())));
    }
    String guard = guard(lastWearer, hop);
    if (!guard.isEmpty()) md.append(". ").append(guard);
    md.append(". Evidence: ").append(Markdown.evidence(hop.evidence(), 2).replace("<br>", ", "));
    boolean again = !expanded.add(hop.to());
    if (again || onPath.contains(hop.to())) {
      if (!traffic.from(hop.to()).isEmpty()) md.append(" (continues as above)");
      md.append("\n");
      return;
    }
    md.append("\n");
    String wearer = traffic.securityGroups(hop.to()).isEmpty() ? lastWearer : hop.to();
    onPath.add(hop.to());
    for (Hop next : traffic.from(hop.to())) step(md, next, depth + 1, wearer, onPath);
    onPath.remove(hop.to());
  }

  /** Whether the security groups let this step through: stated only where both sides are in groups. */
  private String guard(String lastWearer, Hop hop) {
    if (lastWearer == null || hop.kind().equals(Dependency.ALLOWED) || traffic.securityGroups(hop.to()).isEmpty()) return "";
    List<Dependency> rules = traffic.allowed(lastWearer, hop.to());
    if (rules.isEmpty()) {
      return "No group-to-group rule lets " + text(view.label(view.component(lastWearer))) + " reach it";
    }
    Dependency r = rules.get(0);
    return "Allowed by security group rule " + text((r.protocol() + " " + (r.port() == 0 ? "" : String.valueOf(r.port()))).trim())
        + " from " + text(view.label(view.component(lastWearer))) + " (" + Markdown.evidence(r.evidence(), 1) + ")";
  }
}
