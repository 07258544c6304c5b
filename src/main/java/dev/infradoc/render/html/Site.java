package dev.infradoc.render.html;

import dev.infradoc.model.Component;
import dev.infradoc.model.Dependency;
import dev.infradoc.model.Evidence;
import dev.infradoc.model.Finding;
import dev.infradoc.model.Host;
import dev.infradoc.model.Listen;
import dev.infradoc.model.Model;
import dev.infradoc.model.Problem;
import dev.infradoc.model.Severity;
import dev.infradoc.model.Source;
import dev.infradoc.pipeline.RunInfo;
import dev.infradoc.render.HostSlice;
import dev.infradoc.render.View;
import dev.infradoc.render.mermaid.DiagramsDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * site/: a static HTML site rendered from the model (not from the Markdown): an overview with the
 * system map, a page per host and per source, all diagrams, the findings, and a search box over a
 * generated index. Mermaid is bundled (assets/mermaid.min.js, from the jar); nothing is fetched, so
 * it works from a folder (file://) or any static host. Same model, same bytes.
 */
public final class Site {
  /** Files copied from the jar as they are (web/ resources). */
  private static final Map<String, String> ASSETS = Map.of(
      "assets/site.css", "web/site.css",
      "assets/site.js", "web/site.js",
      "assets/mermaid.min.js", "web/vendor/mermaid.min.js",
      "assets/mermaid.LICENSE", "web/vendor/mermaid.LICENSE");

  private final Model model;
  private final View view;
  private final SitePaths paths;
  private final PageFrame frame;
  private Consumer<HtmlOut> drift;

  public Site(Model model, RunInfo run) {
    this.model = model;
    this.view = View.of(model);
    this.paths = new SitePaths(model);
    this.frame = new PageFrame(model.generatedBy().version());
  }

  /**
   * Hook for scan history: a drift page (drift.html), linked from every page's navigation. The
   * drift report's writer passes its summary and its table of changes (plain text; escaped here).
   * Without it the site has no drift page.
   */
  public Site withDrift(String summary, List<String> headers, List<List<String>> changes) {
    this.drift = h -> {
      h.p(summary);
      h.table(headers, changes.stream().map(r -> List.<Object>copyOf(r)).toList());
    };
    frame.linkDrift();
    return this;
  }

  /** The site's files, paths relative to the output folder (site/...), in a fixed order. */
  public Map<String, String> render() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("index.html", frame.page(title(), "", true, this::index));
    files.put("diagrams.html", frame.page("Diagrams", "", true, h -> diagrams(h, model, "")));
    files.put("findings.html", frame.page("Findings", "", false, this::findings));
    if (drift != null) files.put("drift.html", frame.page("Drift", "", false, drift));
    for (Host host : model.hosts()) {
      files.put(paths.host(host.id()), frame.page("Host " + host.hostname(), "../", true, h -> host(h, host)));
    }
    for (Source s : model.sources()) {
      files.put(paths.source(s.id()), frame.page("Source " + s.id(), "../", false, h -> source(h, s)));
    }
    files.put("assets/search-index.js", SearchIndex.script(model, paths, view));
    ASSETS.keySet().stream().sorted().forEach(k -> files.put(k, resource(ASSETS.get(k))));
    Map<String, String> out = new LinkedHashMap<>();
    files.forEach((k, v) -> out.put("site/" + k, v));
    return out;
  }

  private String title() {
    if (model.hosts().size() == 1) return "Architecture of " + model.hosts().get(0).hostname();
    if (model.hosts().size() > 1) return "Architecture of " + model.hosts().size() + " hosts";
    return "Architecture";
  }

  private void index(HtmlOut h) {
    h.el("h2", "Overview");
    Map<String, List<Component>> roles = view.byRole();
    h.open("dl", "class", "facts");
    fact(h, "Hosts", String.valueOf(model.hosts().size()));
    fact(h, "Sources", String.valueOf(model.sources().size()));
    fact(h, "Components", model.components().size() + " (" + View.ROLES.stream().filter(r -> !roles.get(r).isEmpty())
        .map(r -> roles.get(r).size() + " " + View.ROLE_TITLES.get(r).toLowerCase(java.util.Locale.ROOT)).collect(Collectors.joining(", ")) + ")");
    fact(h, "Dependencies", String.valueOf(model.dependencies().size()));
    fact(h, "Findings", findingCounts());
    fact(h, "Not collected", model.problems().size() + " problem(s)");
    h.close("dl");
    List<DiagramsDocument.Diagram> all = new DiagramsDocument(model, new RunInfo(model.generatedAt(), List.of())).diagrams();
    all.stream().filter(d -> d.notDrawn().isEmpty()).findFirst().ifPresentOrElse(d -> {
      h.el("h2", "System map");
      diagram(h, d);
      h.open("p").link(new HtmlOut.Link("diagrams.html", "All diagrams")).close("p");
    }, () -> h.p("No diagram: nothing was drawn from this model."));
    if (!model.hosts().isEmpty()) {
      h.el("h2", "Hosts");
      List<List<Object>> rows = new ArrayList<>();
      for (Host host : model.hosts()) {
        long count = model.components().stream().filter(c -> c.host().equals(host.id())).count();
        rows.add(List.of(new HtmlOut.Link(paths.host(host.id()), host.hostname()), host.os(),
            String.join(", ", host.addresses()), String.join(", ", host.groups()), String.valueOf(count)));
      }
      h.table(List.of("Host", "OS", "Addresses", "Groups", "Components"), rows);
    }
    h.el("h2", "Sources");
    h.table(List.of("Source", "Kind", "Location"), model.sources().stream()
        .map(s -> List.<Object>of(new HtmlOut.Link(paths.source(s.id()), s.id()), s.kind(), s.location())).toList());
    h.el("h2", "Components");
    componentTable(h, model.components(), "", "index.html");
  }

  private String findingCounts() {
    if (model.findings().isEmpty()) return "none";
    Map<Severity, Long> by = model.findings().stream().collect(Collectors.groupingBy(Finding::severity, java.util.TreeMap::new, Collectors.counting()));
    return model.findings().size() + " (" + by.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().name().toLowerCase(java.util.Locale.ROOT))
        .collect(Collectors.joining(", ")) + ")";
  }

  private static void fact(HtmlOut h, String name, String value) {
    h.el("dt", name).el("dd", value);
  }

  private void diagrams(HtmlOut h, Model of, String hostNote) {
    for (DiagramsDocument.Diagram d : new DiagramsDocument(of, new RunInfo(model.generatedAt(), List.of())).diagrams()) {
      h.el("h2", d.title());
      if (!d.notDrawn().isEmpty()) {
        h.p(d.notDrawn());
        continue;
      }
      if (!d.caption().isEmpty()) h.p(d.caption().replace(" (hosts/NAME.md)", hostNote));
      diagram(h, d);
    }
  }

  /** Mermaid code as text: site.js hands its textContent to Mermaid and puts the SVG in its place. */
  private static void diagram(HtmlOut h, DiagramsDocument.Diagram d) {
    h.open("figure", "class", "diagram", "aria-label", d.title());
    h.el("pre", d.code(), "class", "mermaid-source");
    h.close("figure");
  }

  private void host(HtmlOut h, Host host) {
    h.open("dl", "class", "facts");
    fact(h, "Id", host.id());
    fact(h, "OS", host.os());
    fact(h, "Kernel", host.kernel());
    fact(h, "CPU", host.cpu());
    fact(h, "Memory", host.memory());
    fact(h, "Addresses", String.join(", ", host.addresses()));
    if (!host.groups().isEmpty()) fact(h, "Groups", String.join(", ", host.groups()));
    host.cloud().forEach((k, v) -> fact(h, "Cloud " + k, v));
    h.close("dl");
    Model slice = HostSlice.of(model, host);
    List<Component> own = model.components().stream().filter(c -> c.host().equals(host.id())).toList();
    h.el("h2", "Components");
    componentTable(h, own, "../", paths.host(host.id()));
    dependencyTable(h, slice.dependencies(), "../");
    findingList(h, slice.findings(), "../");
    problems(h, slice.problems());
    evidence(h, "How the host was read", host.evidence());
    diagrams(h, slice, "");
  }

  private void source(HtmlOut h, Source s) {
    h.open("dl", "class", "facts");
    fact(h, "Id", s.id());
    fact(h, "Kind", s.kind());
    fact(h, "Location", s.location());
    h.close("dl");
    List<Component> own = model.components().stream().filter(c -> c.source().equals(s.id())).toList();
    Set<String> ids = own.stream().map(Component::id).collect(Collectors.toSet());
    h.el("h2", "Components");
    componentTable(h, own, "../", paths.source(s.id()));
    dependencyTable(h, model.dependencies().stream().filter(d -> ids.contains(d.from()) || ids.contains(d.to())).toList(), "../");
    findingList(h, model.findings().stream().filter(f -> f.components().stream().anyMatch(ids::contains)).toList(), "../");
    problems(h, model.problems().stream().filter(p -> p.source().equals(s.id())).toList());
  }

  /** Components; a row carries the component's anchor only on its own page, so every id is unique. */
  private void componentTable(HtmlOut h, List<Component> components, String root, String page) {
    if (components.isEmpty()) {
      h.p("None.");
      return;
    }
    h.open("table").open("thead").open("tr");
    List.of("Component", "Kind", "Technology", "Version", "Listens", "Where", "Evidence").forEach(t -> h.el("th", t));
    h.close("tr").close("thead").open("tbody");
    for (Component c : components) {
      String where = !c.host().isEmpty() && paths.host(c.host()) != null ? paths.host(c.host()) : paths.source(c.source());
      Object whereCell = where == null ? c.source() : new HtmlOut.Link(root + where, c.host().isEmpty() ? c.source() : c.host().replaceFirst("^host:", ""));
      String listens = c.listens().stream().map(Site::listen).collect(Collectors.joining(", "));
      String evidence = c.evidence().stream().map(Evidence::locator).distinct().limit(3).collect(Collectors.joining(", "))
          + (c.evidence().size() > 3 ? " (+" + (c.evidence().size() - 3) + ")" : "");
      List<Object> row = List.of(paths.componentPage(c.id()).equals(page) ? c.name() : new HtmlOut.Link(root + paths.component(c.id()), c.name()),
          c.kind().id(), c.technology(), c.version(), listens, whereCell, evidence);
      if (paths.componentPage(c.id()).equals(page)) {
        h.anchoredRow(paths.componentAnchor(c.id()), row);
      } else {
        h.anchoredRow(null, row);
      }
    }
    h.close("tbody").close("table");
  }

  private static String listen(Listen l) {
    return l.address() + ":" + l.port() + "/" + l.protocol();
  }

  private void dependencyTable(HtmlOut h, List<Dependency> deps, String root) {
    h.el("h2", "Dependencies");
    if (deps.isEmpty()) {
      h.p("None observed, configured or declared.");
      return;
    }
    List<List<Object>> rows = new ArrayList<>();
    for (Dependency d : deps) {
      rows.add(List.of(componentLink(d.from(), root), componentLink(d.to(), root), d.protocol(),
          d.port() == 0 ? "" : String.valueOf(d.port()), d.kind(),
          d.evidence().stream().map(e -> e.locator() + (e.excerpt().isEmpty() ? "" : ": " + e.excerpt())).limit(2).collect(Collectors.joining("; "))));
    }
    h.table(List.of("From", "To", "Protocol", "Port", "How known", "Evidence"), rows);
  }

  private Object componentLink(String id, String root) {
    Component c = view.component(id);
    return new HtmlOut.Link(root + paths.component(id), c == null ? id : view.label(c));
  }

  private void findingList(HtmlOut h, List<Finding> findings, String root) {
    h.el("h2", "Findings");
    if (findings.isEmpty()) {
      h.p("None.");
      return;
    }
    h.table(List.of("Severity", "Finding", "Rule", "Components"), findings.stream().map(f -> List.<Object>of(
        f.severity().name().toLowerCase(java.util.Locale.ROOT), new HtmlOut.Link(root + paths.finding(f.id()), f.title()), f.rule(),
        f.components().stream().map(id -> componentLink(id, root)).toList())).toList());
  }

  private void findings(HtmlOut h) {
    if (model.findings().isEmpty()) {
      h.p("No findings.");
      return;
    }
    h.p(findingCounts() + ". Each with the evidence that proves it and what to do.");
    for (Finding f : model.findings()) {
      h.open("section", "class", "finding sev-" + f.severity().name().toLowerCase(java.util.Locale.ROOT), "id", paths.findingAnchor(f.id()));
      h.el("h2", f.severity().name().toLowerCase(java.util.Locale.ROOT) + ": " + f.title());
      h.open("dl", "class", "facts");
      fact(h, "Rule", f.rule());
      fact(h, "Id", f.id());
      if (f.isAccepted()) fact(h, "Accepted", f.accepted());
      h.close("dl");
      h.p(f.detail());
      if (!f.components().isEmpty()) {
        h.open("p").text("Components: ");
        boolean first = true;
        for (String id : f.components()) {
          if (!first) h.text(", ");
          first = false;
          h.link((HtmlOut.Link) componentLink(id, ""));
        }
        h.close("p");
      }
      evidence(h, "Evidence", f.evidence());
      h.el("h3", "Recommendation").p(f.recommendation());
      h.close("section");
    }
  }

  private static void evidence(HtmlOut h, String title, List<Evidence> evidence) {
    if (evidence.isEmpty()) return;
    h.el("h3", title);
    h.open("ul", "class", "evidence");
    for (Evidence e : evidence) {
      h.open("li").el("code", e.source() + " " + e.locator());
      if (!e.excerpt().isEmpty()) h.text(" ").el("code", e.excerpt(), "class", "excerpt");
      h.close("li");
    }
    h.close("ul");
  }

  private static void problems(HtmlOut h, List<Problem> problems) {
    h.el("h2", "Not collected");
    if (problems.isEmpty()) {
      h.p("Everything was read.");
      return;
    }
    h.table(List.of("Source", "What", "Why", "What to do"), problems.stream()
        .map(p -> List.<Object>of(p.source(), p.what(), p.reason(), p.hint())).toList());
  }

  private static String resource(String name) {
    try (InputStream in = Site.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) throw new IllegalStateException("missing from the jar: " + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
