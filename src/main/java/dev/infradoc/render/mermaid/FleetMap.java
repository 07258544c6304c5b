package dev.infradoc.render.mermaid;

import dev.infradoc.model.Component;
import dev.infradoc.model.Model;
import dev.infradoc.render.FleetView;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The system map of a fleet: one box per tier (inventory group), inside it one node per class of
 * identical hosts ({@code web[01..12]} with what they run), outside components on their own, and
 * one arrow per pair of nodes. Its size grows with the number of different kinds of host, not
 * with the number of hosts, so it stays readable at hundreds of hosts.
 */
public final class FleetMap {
  private static final int SERVICES_SHOWN = 4;
  private final Model model;
  private final FleetView fleet;

  public FleetMap(Model model, FleetView fleet) {
    this.model = model;
    this.fleet = fleet;
  }

  public String render() {
    StringBuilder d = new StringBuilder("flowchart LR\n");
    int t = 0;
    for (Map.Entry<String, List<FleetView.HostClass>> tier : fleet.tiers().entrySet()) {
      t++;
      d.append("  subgraph t").append(t).append("[").append(Mermaid.lines(tier.getKey().equals(FleetView.UNGROUPED)
          ? "not in a group" : "group " + tier.getKey())).append("]\n");
      for (FleetView.HostClass c : tier.getValue()) {
        List<String> s = c.services();
        String runs = s.isEmpty() ? "no services observed" : String.join(", ", s.subList(0, Math.min(SERVICES_SHOWN, s.size())))
            + (s.size() > SERVICES_SHOWN ? " +" + (s.size() - SERVICES_SHOWN) : "");
        d.append("    ").append(c.id()).append("[").append(Mermaid.lines(c.name(),
            c.hosts().size() == 1 ? "1 host" : c.hosts().size() + " hosts", runs)).append("]\n");
      }
      d.append("  end\n");
    }
    List<FleetView.Link> links = fleet.links();
    Set<String> outside = new TreeSet<>();
    links.forEach(l -> {
      if (!l.from().matches("c\\d+")) outside.add(l.from());
      if (!l.to().matches("c\\d+")) outside.add(l.to());
    });
    Map<String, Component> byId = model.componentsById();
    int o = 0;
    java.util.Map<String, String> outsideIds = new java.util.HashMap<>();
    if (!outside.isEmpty()) {
      d.append("  subgraph outside[").append(Mermaid.lines("Outside the scanned hosts")).append("]\n");
      for (String id : outside) {
        String nid = "x" + (++o);
        outsideIds.put(id, nid);
        Component c = byId.get(id);
        d.append("    ").append(nid).append("{{").append(Mermaid.lines(c.name(),
            c.technology().isEmpty() ? c.kind().id() : c.technology())).append("}}\n");
      }
      d.append("  end\n");
    }
    for (FleetView.Link l : links) {
      d.append("  ").append(outsideIds.getOrDefault(l.from(), l.from())).append(l.observed() ? " -->|" : " -.->|")
          .append(Mermaid.lines(String.join(", ", l.labels()))).append("| ")
          .append(outsideIds.getOrDefault(l.to(), l.to())).append("\n");
    }
    return d.toString();
  }
}
