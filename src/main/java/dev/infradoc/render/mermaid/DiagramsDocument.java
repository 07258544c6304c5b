package dev.infradoc.render.mermaid;

import dev.infradoc.model.Component;
import dev.infradoc.model.ComponentKind;
import dev.infradoc.model.Dependency;
import dev.infradoc.model.Host;
import dev.infradoc.model.Listen;
import dev.infradoc.model.Model;
import dev.infradoc.pipeline.RunInfo;
import dev.infradoc.render.FleetView;
import dev.infradoc.render.View;
import dev.infradoc.render.markdown.Markdown;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** diagrams.md: Mermaid diagrams drawn from the model only, grouped by host and role. */
public final class DiagramsDocument {
  private final Model model;
  private final View view;
  private final Mermaid ids;
  private final RunInfo run;
  private final boolean groupAll;

  public DiagramsDocument(Model model, RunInfo run) {
    this(model, run, false);
  }

  private DiagramsDocument(Model model, RunInfo run, boolean groupAll) {
    this.model = model;
    this.view = View.of(model);
    this.ids = new Mermaid(model.components());
    this.run = run;
    this.groupAll = groupAll;
  }

  /**
   * The document with every declared diagram grouped (module, role, counted repeats), as it is drawn
   * for a system too large for one box per resource: shows the grouped form of any model.
   */
  public static DiagramsDocument grouped(Model model, RunInfo run) {
    return new DiagramsDocument(model, run, true);
  }

  /** One diagram of the document: its Mermaid code, or the sentence that says why it is not drawn. */
  public record Diagram(String title, String caption, String code) {
    /** Empty when the diagram is drawn; else the sentence that says why not. */
    public String notDrawn() {
      return code.startsWith("Not drawn") ? code : "";
    }
  }

  /** A diagram, or why not when it is too large to read, with where its content can be read instead. */
  private static Diagram fit(String title, String caption, String code, String elsewhere) {
    if (!code.startsWith("Not drawn") && tooLarge(code)) {
      code = "Not drawn: too large to read or to render (" + code.lines().count() + " lines); " + elsewhere;
    }
    return new Diagram(title, caption, code);
  }

  public String render() {
    StringBuilder md = new StringBuilder("# Diagrams\n\n");
    md.append("_InfraDoc ").append(Markdown.text(model.generatedBy().version())).append(", ")
        .append(Markdown.text(run.summary())).append("._\n\n");
    List<Diagram> all = diagrams();
    md.append(all.stream().anyMatch(d -> d.caption().endsWith(GROUPED))
        ? "Drawn from model.json: every box is a component, or a group of like components where a diagram says so, and every "
            + "arrow a dependency in it, or a count of like dependencies. "
        : "Drawn from model.json: every box is a component and every arrow a dependency in it. ");
    md.append("Solid arrows were observed as live connections; dotted arrows were configured or declared.\n\n");
    all.forEach(d -> section(md, d));
    return md.toString();
  }

  /** The diagrams in document order (the HTML site draws the same ones), drawn once per model. */
  public List<Diagram> diagrams() {
    return dev.infradoc.render.Derived.of(model, groupAll ? GroupedDiagrams.class : Diagram.class, m -> draw());
  }

  private List<Diagram> draw() {
    List<Diagram> out = new ArrayList<>();
    if (model.hosts().isEmpty() && !model.components().isEmpty()) {
      // Several Terraform roots are drawn each by itself, not as one tangled graph.
      Map<String, Model> roots = dev.infradoc.render.RootSlice.of(model);
      if (roots.isEmpty()) {
        declared(model, out);
        return out;
      }
      roots.forEach((root, slice) -> {
        List<Diagram> part = new ArrayList<>();
        declared(slice, part);
        part.forEach(d -> out.add(new Diagram("Root " + root + ": " + d.title(), d.caption(), d.code())));
      });
      return out;
    }
    String elsewhere = model.hosts().size() > 1 ? "see the fleet map and the pages of each host."
        : "every component and dependency is in the tables of architecture.md and in model.json.";
    if (model.hosts().size() > 1) {
      out.add(fit("Fleet map", "Hosts by tier (inventory group); identical hosts are one box, e.g. web[01..12]. "
          + "Every host's own diagrams are on its page (hosts/NAME.md).", new FleetMap(model, new FleetView(model)).render(), elsewhere));
    }
    out.add(fit("System architecture", "Services by host and role; platform daemons are in the deployment diagram.", system(), elsewhere));
    out.add(fit("Service dependencies", "Only components that use or are used by another.", dependencies(), elsewhere));
    out.add(fit("Network and ports", "Listening sockets by exposure.", network(), elsewhere));
    out.add(fit("Deployment", "Every component on each host.", deployment(), elsewhere));
    out.add(fit("Request flow", "From the entry point along the dependencies.", requestFlow(), elsewhere));
    out.add(fit("CI/CD pipeline", "", cicd(), elsewhere));
    return out;
  }

  /** Above this many components and dependencies together, one box per resource cannot fit a readable diagram: draw grouped at once. */
  static final int GROUP_AT_ONCE = 3_000;

  private static final String GROUPED = "resources that differ only by "
      + "count/for_each index or number are one box with their count (x12), boxes are grouped by Terraform module, and one "
      + "arrow stands for all the links that say the same between two boxes, with their count. Every resource is in "
      + "architecture.md's inventory and in model.json.";
  private static final String NOT_EVEN_GROUPED = "every resource is listed in architecture.md's inventory and in model.json.";

  /**
   * Declared infrastructure, grouped by VPC/tier (namespace, project, module): repeated instances
   * ([0], [1], [2]) are one box. A diagram too large for that is drawn grouped by module with
   * repeated resources counted (GroupedDiagrams); a model far too large for one box per resource is
   * drawn grouped at once, without building the ungrouped diagrams first.
   */
  private void declared(Model of, List<Diagram> out) {
    View fullView = View.of(of);
    DeclaredDiagrams full = new DeclaredDiagrams(of, fullView, ids, this::node);
    GroupedDiagrams grouped = new GroupedDiagrams(of, fullView, full);
    boolean atOnce = groupAll || of.components().size() + of.dependencies().size() > GROUP_AT_ONCE;
    Model collapsed = atOnce ? null : InstanceCollapse.of(of);
    DiagramsDocument plain = atOnce ? null : new DiagramsDocument(collapsed, run);
    DeclaredDiagrams declared = atOnce ? null : new DeclaredDiagrams(collapsed, plain.view, plain.ids, plain::node);
    out.add(either(SYSTEM, atOnce ? null : declared::system, grouped::system));
    out.add(either(DEPENDENCIES, atOnce ? null : () -> plain.dependencies(declared.meaningful()), () -> grouped.dependencies(full.meaningful())));
    out.add(either(TOPOLOGY, atOnce ? null : declared::topology, grouped::topology));
    out.add(either(DEPLOYMENT, atOnce ? null : declared::deployment, grouped::deployment));
    out.add(either(FLOW, atOnce ? null : declared::flow, grouped::flow));
    out.add(fit(PIPELINE[0], PIPELINE[1], (atOnce ? full : declared).pipeline(), NOT_EVEN_GROUPED));
  }

  private static final String[] SYSTEM = {"System architecture", "Services grouped by VPC and subnet tier (or namespace, compose project, "
      + "module); arrows are request steps and uses, dotted where only a security-group rule allows them."};
  private static final String[] DEPENDENCIES = {"Service dependencies", "Every dependency in the model except structural wiring "
      + "(route table associations, subnet groups, security group membership: listed in architecture.md)."};
  private static final String[] TOPOLOGY = {"Network topology", "VPCs, subnets by tier and availability zone, gateways, and where each "
      + "tier's route table sends traffic."};
  private static final String[] DEPLOYMENT = {"Deployment", "Compute and data stores per source, with declared counts and placement."};
  private static final String[] FLOW = {"Request flow", "From outside to the data, along what carries requests (knowledge/traffic.yaml)."};
  private static final String[] PIPELINE = {"CI/CD pipeline", "Workflows with their jobs; an arrow runs from a job to the job that needs it, a dotted one from a job to"
      + " what it delivers (the components of this repository that run the image it builds, the Terraform root it applies,"
      + " the manifests it applies), and one labelled not matched to what it names that nothing here runs or declares."};

  /** The diagram one box per resource when it fits (null: known not to), else grouped, else why not. */
  private Diagram either(String[] titleAndCaption, java.util.function.Supplier<String> plain,
      java.util.function.Supplier<String> grouped) {
    String title = titleAndCaption[0];
    String caption = titleAndCaption[1];
    if (plain != null) {
      String code = plain.get();
      if (code.startsWith("Not drawn") || !tooLarge(code)) return new Diagram(title, caption, code);
    }
    return fit(title, caption + (groupAll ? " Grouped: " : " Too large for one box per resource, so grouped: ") + GROUPED, grouped.get(), "even grouped, it is too large to read; " + NOT_EVEN_GROUPED);
  }

  private static void section(StringBuilder md, Diagram d) {
    md.append("## ").append(Markdown.text(d.title())).append("\n\n"); // a root's title holds a directory name
    if (!d.notDrawn().isEmpty()) {
      md.append(d.notDrawn()).append("\n\n");
      return;
    }
    if (!d.caption().isEmpty()) md.append(d.caption()).append("\n\n");
    md.append("```mermaid\n").append(d.code()).append("```\n\n");
  }

  /** Mermaid refuses more than 500 edges or 50,000 characters by default; far fewer are readable (60 host boxes). */
  static boolean tooLarge(String diagram) {
    long arrows = diagram.lines().filter(l -> l.contains("-->") || l.contains("-.->")).count();
    long boxes = diagram.lines().filter(l -> l.strip().startsWith("subgraph ")).count();
    return diagram.length() > 40_000 || arrows > 400 || diagram.lines().count() > 1_200 || boxes > 60;
  }

  private String system() {
    List<Component> shown = model.components().stream()
        .filter(c -> !c.kind().role().equals("platform") && c.kind() != ComponentKind.SCHEDULER || !view.from(c.id()).isEmpty() || view.hasIncoming(c.id()))
        .toList();
    if (shown.isEmpty()) return "Not drawn: no services were observed.";
    StringBuilder d = new StringBuilder("flowchart LR\n");
    hostGroups(d, shown, true);
    edges(d, shown, model.dependencies());
    return d.toString();
  }

  private String dependencies() {
    return dependencies(model.dependencies());
  }

  private String dependencies(List<Dependency> deps) {
    Set<String> involved = new LinkedHashSet<>();
    deps.forEach(dep -> {
      involved.add(dep.from());
      involved.add(dep.to());
    });
    if (involved.isEmpty()) return "Not drawn: no dependencies were observed.";
    List<Component> shown = model.components().stream().filter(c -> involved.contains(c.id())).toList();
    StringBuilder d = new StringBuilder("flowchart LR\n");
    shown.forEach(c -> d.append("  ").append(node(c)).append("\n"));
    edges(d, shown, deps);
    return d.toString();
  }

  private String network() {
    List<Component> listening = model.components().stream().filter(c -> !c.listens().isEmpty()).toList();
    if (listening.isEmpty()) return "Not drawn: no listening sockets were observed.";
    StringBuilder d = new StringBuilder("flowchart LR\n");
    for (Host h : model.hosts()) {
      String hid = "h" + (model.hosts().indexOf(h) + 1);
      d.append("  subgraph ").append(hid).append("[").append(Mermaid.lines("host " + h.hostname(),
          String.join(", ", h.addresses()))).append("]\n");
      String[][] groups = {{"all", "all interfaces"}, {"loop", "loopback only"}, {"if", "specific interfaces"}};
      for (String[] g : groups) {
        List<String> ports = new ArrayList<>();
        for (Component c : listening) {
          if (!c.host().equals(h.id())) continue;
          for (Listen l : c.listens()) {
            String group = !l.isPublic() ? "loop" : (l.address().equals("0.0.0.0") || l.address().equals("::")) ? "all" : "if";
            if (!group.equals(g[0])) continue;
            String pid = hid + "_" + g[0] + "_" + ids.id(c.id()) + "_" + l.port() + "_" + l.protocol() + "_" + Math.abs(l.address().hashCode());
            ports.add("      " + pid + "[" + Mermaid.lines(l.address() + ":" + l.port() + "/" + l.protocol()) + "] --> " + ids.id(c.id()) + "\n");
          }
        }
        if (ports.isEmpty()) continue;
        d.append("    subgraph ").append(hid).append("_").append(g[0]).append("[").append(Mermaid.lines(g[1])).append("]\n");
        ports.stream().distinct().forEach(d::append);
        d.append("    end\n");
      }
      listening.stream().filter(c -> c.host().equals(h.id())).forEach(c -> d.append("    ").append(node(c)).append("\n"));
      d.append("  end\n");
    }
    return d.toString();
  }

  private String deployment() {
    if (model.hosts().isEmpty()) return "Not drawn: no hosts were scanned.";
    StringBuilder d = new StringBuilder("flowchart TB\n");
    hostGroups(d, model.components(), false);
    return d.toString();
  }

  private String requestFlow() {
    List<List<Dependency>> paths = view.requestPaths();
    if (paths.isEmpty()) return "Not drawn: no request path from an entry point was observed.";
    StringBuilder d = new StringBuilder("sequenceDiagram\n");
    Set<String> participants = new LinkedHashSet<>();
    paths.forEach(p -> {
      participants.add(p.get(0).from());
      p.forEach(dep -> participants.add(dep.to()));
    });
    participants.forEach(id -> d.append("  participant ").append(ids.id(id)).append(" as ")
        .append(Mermaid.label(view.label(view.component(id)))).append("\n"));
    Set<String> drawn = new LinkedHashSet<>();
    for (List<Dependency> path : paths) {
      for (Dependency dep : path) {
        if (!drawn.add(dep.from() + ">" + dep.to())) continue;
        d.append("  ").append(ids.id(dep.from())).append(dep.kind().equals(Dependency.OBSERVED) ? "->>" : "-->>")
            .append(ids.id(dep.to())).append(": ").append(Mermaid.label(edgeLabel(dep))).append("\n");
      }
    }
    return d.toString();
  }

  private String cicd() {
    List<Component> ci = model.components().stream().filter(c -> c.kind() == ComponentKind.CI_CD).toList();
    if (ci.isEmpty()) return "Not drawn: no CI/CD definitions were read.";
    StringBuilder d = new StringBuilder("flowchart LR\n");
    ci.forEach(c -> d.append("  ").append(node(c)).append("\n"));
    edges(d, ci, model.dependencies());
    return d.toString();
  }

  private void hostGroups(StringBuilder d, List<Component> shown, boolean byRole) {
    for (Host h : model.hosts()) {
      List<Component> on = shown.stream().filter(c -> c.host().equals(h.id())).toList();
      if (on.isEmpty()) continue;
      String hid = "h" + (model.hosts().indexOf(h) + 1);
      d.append("  subgraph ").append(hid).append("[").append(Mermaid.lines("host " + h.hostname(), h.os())).append("]\n");
      if (byRole) {
        Map<String, List<Component>> roles = on.stream().collect(Collectors.groupingBy(c -> c.kind().role()));
        for (String role : View.ROLES) {
          if (!roles.containsKey(role)) continue;
          d.append("    subgraph ").append(hid).append("_").append(role).append("[").append(Mermaid.lines(View.ROLE_TITLES.get(role))).append("]\n");
          roles.get(role).forEach(c -> d.append("      ").append(node(c)).append("\n"));
          d.append("    end\n");
        }
      } else {
        on.forEach(c -> d.append("    ").append(node(c)).append("\n"));
      }
      d.append("  end\n");
    }
    List<Component> elsewhere = shown.stream().filter(c -> c.host().isEmpty()).toList();
    if (!elsewhere.isEmpty()) {
      d.append("  subgraph ext[").append(Mermaid.lines(model.hosts().isEmpty() ? "Declared" : "Outside the scanned hosts")).append("]\n");
      elsewhere.forEach(c -> d.append("    ").append(node(c)).append("\n"));
      d.append("  end\n");
    }
  }

  private void edges(StringBuilder d, List<Component> shown, List<Dependency> deps) {
    Set<String> visible = shown.stream().map(Component::id).collect(Collectors.toSet());
    Map<String, List<Dependency>> byPair = new java.util.TreeMap<>();
    for (Dependency dep : deps) {
      if (!visible.contains(dep.from()) || !visible.contains(dep.to())) continue;
      byPair.computeIfAbsent(dep.from() + ">" + dep.to() + ">" + dep.port(), k -> new ArrayList<>()).add(dep);
    }
    for (List<Dependency> same : byPair.values()) {
      // An edge both configured and observed is drawn once, as observed.
      Dependency dep = View.distinctTargets(same).get(0);
      d.append("  ").append(ids.id(dep.from())).append(dep.kind().equals(Dependency.OBSERVED) ? " -->|" : " -.->|")
          .append(Mermaid.lines(edgeLabel(dep))).append("| ").append(ids.id(dep.to())).append("\n");
    }
  }

  static String edgeLabel(Dependency d) {
    String proto = d.protocol().isEmpty() ? "" : d.protocol();
    return (proto + (d.port() == 0 ? "" : " " + d.port())).trim() + (d.kind().equals(Dependency.OBSERVED) ? "" : " (" + d.kind() + ")");
  }

  private String node(Component c) {
    String detail = c.kind().id() + (c.technology().isEmpty() ? "" : " · " + c.technology())
        + (c.attribute("workers").isEmpty() ? "" : " · " + c.attribute("workers") + " workers")
        + (c.instances() > 1 ? " · x" + c.instances() : "");
    String label = Mermaid.lines(c.name(), detail);
    return ids.id(c.id()) + shape(c.kind(), label);
  }

  static String shape(ComponentKind kind, String label) {
    return switch (kind.role()) {
      case "data" -> "[(" + label + ")]";
      case "external" -> "{{" + label + "}}";
      case "edge" -> "([" + label + "])";
      default -> "[" + label + "]";
    };
  }
}
