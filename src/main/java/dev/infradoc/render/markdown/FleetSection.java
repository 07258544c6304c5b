package dev.infradoc.render.markdown;

import static dev.infradoc.render.markdown.Markdown.text;

import dev.infradoc.model.Component;
import dev.infradoc.model.Dependency;
import dev.infradoc.model.Host;
import dev.infradoc.model.Model;
import dev.infradoc.render.FleetView;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * architecture.md for a fleet (two or more hosts): the host inventory by tier with a link to each
 * host's page, services that run on several hosts, and the dependencies that cross hosts.
 */
public final class FleetSection {
  private final Model model;
  private final FleetView fleet;

  public FleetSection(Model model) {
    this.model = model;
    this.fleet = new FleetView(model);
  }

  /** Where a host's own page is written, relative to architecture.md. */
  public static String pagePath(Host h) {
    return "hosts/" + h.hostname().replaceAll("[^A-Za-z0-9._-]", "_") + ".md";
  }

  public void render(StringBuilder md) {
    if (model.hosts().size() < 2) return;
    md.append("## Fleet\n\n");
    md.append(model.hosts().size()).append(" hosts in ").append(fleet.tiers().size())
        .append(fleet.tiers().size() == 1 ? " tier" : " tiers")
        .append(" (a host's tier is its most specific inventory group). Each host has its own page.\n\n");
    md.append("### Hosts\n\n");
    md.append(Markdown.header("Tier", "Host", "Groups", "Addresses", "OS", "Runs", "Page"));
    Map<String, List<Component>> byHost = model.components().stream().filter(c -> !c.host().isEmpty())
        .collect(Collectors.groupingBy(Component::host));
    for (Map.Entry<String, List<FleetView.HostClass>> tier : fleet.tiers().entrySet()) {
      for (FleetView.HostClass c : tier.getValue()) {
        for (Host h : c.hosts()) {
          String runs = byHost.getOrDefault(h.id(), List.of()).stream().filter(FleetView::shown)
              .map(Component::name).distinct().sorted().collect(Collectors.joining(", "));
          md.append(Markdown.row(text(tier.getKey()), text(h.hostname()), text(String.join(", ", h.groups())),
              text(h.addresses().stream().filter(a -> !a.startsWith("127.") && !a.startsWith("::1"))
                  .collect(Collectors.joining(", "))),
              text(h.os().isEmpty() ? "not observed" : h.os()), text(runs.isEmpty() ? "no services observed" : runs),
              "[" + text(h.hostname()) + "](" + pagePath(h) + ")"));
        }
      }
    }
    md.append("\n");
    notScanned(md);
    Map<String, List<Component>> shared = fleet.sharedServices();
    md.append("### Services on several hosts\n\n");
    if (shared.isEmpty()) {
      md.append("None: no service was found running the same way on two or more hosts.\n\n");
    } else {
      md.append("The same component (same name on its host, kind, technology and listening ports) on several hosts is "
          + "one service with several instances; each instance keeps its own entry and evidence.\n\n");
      md.append(Markdown.header("Service", "Kind", "Technology", "Instances", "Hosts"));
      for (Map.Entry<String, List<Component>> s : shared.entrySet()) {
        Component first = s.getValue().get(0);
        List<String> hosts = s.getValue().stream().map(c -> c.host().replaceFirst("^host:", "")).sorted().toList();
        md.append(Markdown.row(text(s.getKey()), first.kind().id(), text(first.technology().isEmpty() ? "unknown" : first.technology()),
            String.valueOf(s.getValue().size()), text(dev.infradoc.render.HostRanges.collapse(hosts))));
      }
      md.append("\n");
    }
    md.append("### Dependencies between hosts\n\n");
    Map<String, Component> byId = model.componentsById();
    Map<String, Dependency> cross = new TreeMap<>();
    for (Dependency d : model.dependencies()) {
      Component a = byId.get(d.from());
      Component b = byId.get(d.to());
      if (a == null || b == null || a.host().isEmpty() || b.host().isEmpty() || a.host().equals(b.host())) continue;
      cross.putIfAbsent(d.from() + ">" + d.to() + ">" + d.port(), d);
    }
    if (cross.isEmpty()) {
      md.append("None observed or configured.\n\n");
      return;
    }
    md.append(Markdown.header("From", "On", "To", "On", "Protocol", "Port", "How known", "Evidence"));
    for (Dependency d : cross.values()) {
      Component a = byId.get(d.from());
      Component b = byId.get(d.to());
      List<Dependency> kinds = model.dependencies().stream()
          .filter(x -> x.from().equals(d.from()) && x.to().equals(d.to()) && x.port() == d.port()).toList();
      md.append(Markdown.row(text(a.name()), text(a.host().replaceFirst("^host:", "")), text(b.name()),
          text(b.host().replaceFirst("^host:", "")), text(d.protocol()), d.port() == 0 ? "" : String.valueOf(d.port()),
          kinds.stream().map(Dependency::kind).distinct().collect(Collectors.joining(", ")),
          Markdown.evidence(kinds.stream().flatMap(x -> x.evidence().stream()).toList(), 2)));
    }
    md.append("\n");
  }

  /** Targets of the fleet that gave nothing: a reader of the hosts table must not take them for absent. */
  private void notScanned(StringBuilder md) {
    List<dev.infradoc.model.Problem> failed = model.problems().stream().filter(p -> p.what().equals("the whole target")).toList();
    if (failed.isEmpty()) return;
    md.append("Not scanned: ").append(failed.size()).append(failed.size() == 1 ? " target" : " targets")
        .append(" of this run gave nothing, so what they run is not in this document:\n\n");
    md.append(Markdown.header("Target", "Why", "What to do"));
    failed.forEach(p -> md.append(Markdown.row(text(p.source()), text(p.reason()), text(p.hint().isEmpty() ? "see the reason" : p.hint()))));
    md.append("\n");
  }
}
