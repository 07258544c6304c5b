package dev.infradoc.render.markdown;

import static dev.infradoc.render.markdown.Markdown.text;

import dev.infradoc.model.Component;
import dev.infradoc.model.ComponentKind;
import dev.infradoc.model.Dependency;
import dev.infradoc.model.Host;
import dev.infradoc.render.View;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Compute and scaling, data and storage, observability and CI/CD. */
final class OperationsSection {
  private final View view;

  OperationsSection(View view) {
    this.view = view;
  }

  void render(StringBuilder md) {
    compute(md);
    data(md);
    observability(md);
    cicd(md);
  }

  private void compute(StringBuilder md) {
    md.append("## Compute and scaling\n\n");
    if (new ScalingSection(view).render(md) && view.model().hosts().isEmpty()) return;
    List<Component> serving = view.model().components().stream()
        .filter(c -> Set.of("edge", "application").contains(c.kind().role()) && c.kind() != ComponentKind.SCHEDULER).toList();
    if (serving.isEmpty()) {
      md.append("No serving components were observed.\n\n");
    } else {
      md.append(Markdown.header("Component", "Host", "Instances", "Host CPUs", "Evidence"));
      for (Component c : serving) {
        String cpu = view.model().hosts().stream().filter(h -> h.id().equals(c.host())).map(Host::cpu).findFirst().orElse("");
        md.append(Markdown.row(text(c.name()), text(c.host().replaceFirst("^host:", "")), InventorySection.instances(c),
            text(InventorySection.or(cpu, "not observed")), Markdown.evidence(c.evidence(), 1)));
      }
      md.append("\n");
    }
    boolean autoscaling = view.model().components().stream().anyMatch(c -> c.attributes().keySet().stream().anyMatch(k -> k.startsWith("autoscaling")));
    md.append(autoscaling ? "Autoscaling settings are listed with the components above.\n\n"
        : "Autoscaling: none declared or observed; instance and worker counts above are what ran at scan time.\n\n");
  }

  private void data(StringBuilder md) {
    md.append("## Data and storage\n\n");
    if (new StorageSection(view).render(md) && view.model().hosts().isEmpty()) return;
    List<Component> stores = view.byRole().get("data");
    if (stores.isEmpty()) {
      md.append("No databases, caches, queues or storage were observed.\n\n");
      return;
    }
    md.append(Markdown.header("Store", "Engine", "Version", "Listens", "Used by", "Replicas / HA", "Backups", "Encryption"));
    for (Component c : stores) {
      String users = view.model().dependencies().stream().filter(d -> d.to().equals(c.id()))
          .map(d -> view.label(view.component(d.from()))).distinct().collect(Collectors.joining(", "));
      boolean noBackup = view.model().findings().stream().anyMatch(f -> f.rule().startsWith("recovery.") && f.components().contains(c.id()));
      md.append(Markdown.row(text(c.name()), text(c.technology()), text(InventorySection.or(c.version(), "not observed")),
          InventorySection.listens(c.listens()), text(InventorySection.or(users, "no client observed")),
          c.instances() > 1 ? c.instances() + " instances" : "no replica observed",
          noBackup ? "none observed (see findings)" : text(InventorySection.or(c.attribute("backup"), "not observed")),
          text(InventorySection.or(c.attribute("encryption"), "not observed"))));
    }
    md.append("\n");
  }

  private void observability(StringBuilder md) {
    md.append("## Observability\n\n");
    if (new DeclaredObservability(view).render(md) && view.model().hosts().isEmpty()) return;
    List<Component> obs = view.model().components().stream().filter(c -> Set.of(ComponentKind.MONITORING,
        ComponentKind.LOGGING, ComponentKind.TRACING).contains(c.kind())).toList();
    if (obs.isEmpty()) {
      md.append("No monitoring agent, log shipper or tracing collector was observed.\n\n");
      return;
    }
    md.append(Markdown.header("Component", "Kind", "Technology", "Host", "Sends to"));
    for (Component c : obs) {
      String to = view.from(c.id()).stream().map(Dependency::to).map(view::component).map(view::label).distinct()
          .collect(Collectors.joining(", "));
      md.append(Markdown.row(text(c.name()), c.kind().id(), text(c.technology()), text(c.host().replaceFirst("^host:", "")),
          text(InventorySection.or(to, "no destination observed"))));
    }
    md.append("\n");
  }

  private void cicd(StringBuilder md) {
    md.append("## CI/CD\n\n");
    if (new PipelineSection(view).render(md)) return;
    List<Component> ci = view.model().components().stream().filter(c -> c.kind() == ComponentKind.CI_CD).toList();
    if (ci.isEmpty()) {
      md.append("No CI/CD definitions were read (scan the repository that deploys this system to include them).\n\n");
      return;
    }
    md.append(Markdown.header("Pipeline or job", "Detail", "Evidence"));
    for (Component c : ci) {
      String detail = c.attributes().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("; "));
      md.append(Markdown.row(text(c.name()), text(detail), Markdown.evidence(c.evidence(), 1)));
    }
    md.append("\n");
  }
}
