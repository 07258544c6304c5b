package dev.infradoc.render.markdown;

import static dev.infradoc.render.markdown.Markdown.text;

import dev.infradoc.model.Component;
import dev.infradoc.model.Finding;
import dev.infradoc.model.Host;
import dev.infradoc.model.Model;
import dev.infradoc.model.Severity;
import dev.infradoc.pipeline.RunInfo;
import dev.infradoc.render.View;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** architecture.md: every section design.md lists, each drawn from the model only. */
public final class ArchitectureDocument {
  private final View view;
  private final Model model;
  private final RunInfo run;

  public ArchitectureDocument(Model model, RunInfo run) {
    this.model = model;
    this.view = View.of(model);
    this.run = run;
  }

  public String render() {
    StringBuilder md = new StringBuilder();
    parts().forEach(part -> md.append(part.get()));
    return md.toString();
  }

  /**
   * The document as consecutive parts that may be rendered at the same time (they only read the
   * model and what is derived from it); joined in this order they are the document.
   */
  public List<Supplier<String>> parts() {
    return List.of(
        () -> section(md -> {
          md.append("# Architecture: ").append(text(title())).append("\n\n");
          md.append("_InfraDoc ").append(text(model.generatedBy().version())).append(", ")
              .append(text(run.summary())).append("._\n\n");
          md.append("Every statement here comes from what the scan observed or read, with its evidence "
              + "(`command#line` or `file:line`, full detail in model.json). What was not observed is said so.\n\n");
          overview(md);
        }),
        () -> section(md -> {
          new FleetSection(model).render(md); // only for two or more hosts
          new InventorySection(view).render(md);
          new StackSection(view).render(md);
        }),
        () -> section(md -> new DependencySection(view).render(md)),
        () -> section(md -> {
          Map<String, Model> roots = dev.infradoc.render.RootSlice.of(model);
          if (roots.isEmpty()) {
            designSections(md, view);
          } else {
            roots(md, roots);
          }
        }),
        () -> section(md -> {
          new FindingsSection(view).render(md);
          new CoverageSection(view).render(md);
        }));
  }

  private static String section(java.util.function.Consumer<StringBuilder> write) {
    StringBuilder md = new StringBuilder();
    write.accept(md);
    return md.toString();
  }

  private static void designSections(StringBuilder md, View view) {
    new NetworkSection(view).render(md);
    new FlowSection(view).render(md);
    new IdentitySection(view).render(md);
    new OperationsSection(view).render(md);
  }

  /** Several Terraform roots: each gets its own network, request flow, compute, data and operations sections. */
  private static void roots(StringBuilder md, Map<String, Model> roots) {
    md.append("## Terraform roots\n\n");
    md.append("This repository holds ").append(roots.size()).append(" Terraform root modules, each applied on its own; "
        + "each is described below by itself (its network, request flow, compute, data and operations).\n\n");
    md.append(Markdown.header("Root", "Resources", "Dependencies"));
    roots.forEach((root, slice) -> md.append(Markdown.row(text(root), String.valueOf(slice.components().size()),
        String.valueOf(slice.dependencies().size()))));
    md.append("\n");
    roots.forEach((root, slice) -> {
      md.append("## Root ").append(text(root)).append("\n\n");
      StringBuilder part = new StringBuilder();
      designSections(part, View.of(slice));
      // One level down, under the root's heading.
      md.append(part.toString().replaceAll("(?m)^(#{2,5}) ", "#$1 "));
    });
  }

  private String title() {
    List<String> names = model.hosts().stream().map(Host::hostname).toList();
    if (!names.isEmpty()) return names.size() <= 3 ? String.join(", ", names) : names.size() + " hosts";
    return model.sources().stream().map(s -> s.location()).distinct().collect(Collectors.joining(", "));
  }

  private void overview(StringBuilder md) {
    md.append("## Overview\n\n");
    md.append(Markdown.header("Measure", "Value"));
    for (Host h : model.hosts()) {
      md.append(Markdown.row("Host " + text(h.hostname()), text(String.join("; ", List.of(
          h.os().isEmpty() ? "OS not observed" : h.os(), h.kernel(), h.cpu(), h.memory())
          .stream().filter(s -> !s.isEmpty()).toList()))));
    }
    Map<String, Integer> kinds = view.countByKind();
    md.append(Markdown.row("Components", model.components().size() + (kinds.isEmpty() ? "" : ": "
        + text(kinds.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "))))));
    Map<String, Integer> depKinds = new TreeMap<>();
    model.dependencies().forEach(d -> depKinds.merge(d.kind(), 1, Integer::sum));
    md.append(Markdown.row("Dependencies", model.dependencies().size() + (depKinds.isEmpty() ? "" : " ("
        + depKinds.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")) + ")")));
    List<Component> externals = view.byRole().get("external");
    md.append(Markdown.row("External dependencies", externals.isEmpty() ? "none observed"
        : externals.size() + ": " + text(externals.stream().map(Component::name).collect(Collectors.joining(", ")))));
    Map<Severity, Long> sev = model.findings().stream().collect(Collectors.groupingBy(Finding::severity, TreeMap::new, Collectors.counting()));
    md.append(Markdown.row("Findings", sev.isEmpty() ? "none" : sev.entrySet().stream()
        .map(e -> e.getValue() + " " + e.getKey().id()).collect(Collectors.joining(", "))));
    md.append("\n");
    md.append(new PatternDescriber(view).describe()).append("\n");
  }
}
