package dev.infradoc.render.markdown;

import static dev.infradoc.render.markdown.Markdown.text;

import dev.infradoc.model.Component;
import dev.infradoc.model.Host;
import dev.infradoc.model.Listen;
import dev.infradoc.model.Zone;
import dev.infradoc.render.View;

/** Network topology: host addresses, every listening port with its exposure, and declared networks. */
final class NetworkSection {
  private final View view;

  NetworkSection(View view) {
    this.view = view;
  }

  void render(StringBuilder md) {
    md.append("## Network topology\n\n");
    for (Host h : view.model().hosts()) {
      md.append("**").append(text(h.hostname())).append("** addresses: ")
          .append(h.addresses().isEmpty() ? "none besides loopback observed" : text(String.join(", ", h.addresses())))
          .append("\n\n");
    }
    boolean any = view.model().components().stream().anyMatch(c -> !c.listens().isEmpty());
    if (any) {
      md.append(Markdown.header("Address", "Port", "Protocol", "Component", "Reachable from"));
      for (Component c : view.model().components()) {
        for (Listen l : c.listens()) {
          md.append(Markdown.row(text(l.address()), String.valueOf(l.port()), text(l.protocol()), text(view.label(c)),
              exposure(l)));
        }
      }
      md.append("\n");
    } else {
      md.append("No listening sockets were observed.\n\n");
    }
    md.append("### Networks and zones\n\n");
    if (view.model().zones().isEmpty()) {
      md.append("No VPCs, subnets or other zones were declared or observed; firewall rules were not read.\n\n");
      return;
    }
    new TopologySection(view).render(md);
    java.util.Set<String> shown = java.util.Set.of("vpc", "subnet", "namespace", "network-policy");
    java.util.List<Zone> other = view.model().zones().stream()
        .filter(z -> !shown.contains(z.kind()) && !(z.kind().equals("network") && z.id().startsWith("compose:"))).toList();
    if (other.isEmpty()) return;
    md.append("#### Other zones\n\n");
    md.append(Markdown.header("Zone", "Kind", "CIDR", "Inside", "Evidence"));
    for (Zone z : other) {
      md.append(Markdown.row(text(z.name()), text(z.kind()), text(InventorySection.or(z.cidr(), "not stated")),
          text(InventorySection.or(z.parent(), "")), Markdown.evidence(z.evidence(), 1)));
    }
    md.append("\n");
  }

  private static String exposure(Listen l) {
    if (!l.isPublic()) return "this host only (loopback)";
    if (l.address().equals("0.0.0.0") || l.address().equals("::")) return "all interfaces";
    return "interface " + text(l.address());
  }
}
