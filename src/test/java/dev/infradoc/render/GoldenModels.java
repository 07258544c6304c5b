package dev.infradoc.render;

import dev.infradoc.analyze.Analyzer;
import dev.infradoc.collect.CollectContext;
import dev.infradoc.collect.CollectEvents;
import dev.infradoc.collect.CollectOptions;
import dev.infradoc.collect.Collector;
import dev.infradoc.collect.Target;
import dev.infradoc.collect.actions.ActionsCollector;
import dev.infradoc.collect.compose.ComposeCollector;
import dev.infradoc.collect.kubernetes.KubernetesCollector;
import dev.infradoc.collect.terraform.TerraformCollector;
import dev.infradoc.knowledge.Knowledge;
import dev.infradoc.model.Model;
import dev.infradoc.model.ModelBuilder;
import dev.infradoc.render.json.ModelJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Every golden model, by name: the host goldens' model.json, the IaC document goldens collected again, and a 12-host fleet. */
public final class GoldenModels {
  private static final Path HOSTS = Path.of("src/test/resources/golden/host");
  private static final Path DOCUMENTS = Path.of("src/test/resources/golden/documents");
  private static final List<Collector> COLLECTORS = List.of(new TerraformCollector(), new ComposeCollector(),
      new KubernetesCollector(), new ActionsCollector(), new dev.infradoc.collect.config.ConfigFilesCollector());

  private GoldenModels() {}

  public static Stream<Arguments> all() {
    List<Arguments> out = new ArrayList<>();
    for (String name : folders(HOSTS)) out.add(Arguments.of("host/" + name, host(name)));
    for (String name : folders(DOCUMENTS)) out.add(Arguments.of("documents/" + name, declared(name)));
    out.add(Arguments.of("fleet/12-hosts", FleetViewTest.fleet(12)));
    return out.stream();
  }

  /** FleetViewTest's fleet: this many web hosts, four databases and two unrelated hosts. */
  public static Model fleet(int webs) {
    return FleetViewTest.fleet(webs);
  }

  public static Model host(String name) {
    try {
      return ModelJson.read(Files.readString(HOSTS.resolve(name).resolve("expected/model.json")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Model declared(String name) {
    try {
      return collect(Path.of(Files.readString(DOCUMENTS.resolve(name).resolve("input.txt")).strip()));
    } catch (Exception e) {
      throw new IllegalStateException("golden " + name + " could not be collected", e);
    }
  }

  /** The model of a repository as the pipeline makes it: every collector, the pipeline's join of one target's fragments, merge, analysis. */
  public static Model collect(Path input) throws Exception {
    CollectContext context = new CollectContext(CollectOptions.defaults(), Knowledge.load(), new dev.infradoc.redact.Redactor(), CollectEvents.NONE);
    Target target = Target.parse(input.toString());
    List<dev.infradoc.model.Fragment> fragments = new ArrayList<>();
    for (Collector c : COLLECTORS) {
      if (c.supports(target)) fragments.add(c.collect(target, context));
    }
    dev.infradoc.pipeline.Pipeline.joinRepository(fragments);
    ModelBuilder builder = new ModelBuilder();
    fragments.forEach(builder::add);
    return new Analyzer().analyze(builder.build(new Model.GeneratedBy("infradoc", "test"), "2026-01-01T00:00:00Z"));
  }

  private static List<String> folders(Path root) {
    try (Stream<Path> dirs = Files.list(root)) {
      return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
