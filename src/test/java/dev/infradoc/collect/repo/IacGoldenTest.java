package dev.infradoc.collect.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.infradoc.collect.CollectContext;
import dev.infradoc.collect.CollectEvents;
import dev.infradoc.collect.CollectOptions;
import dev.infradoc.collect.Collector;
import dev.infradoc.collect.Target;
import dev.infradoc.collect.actions.ActionsCollector;
import dev.infradoc.collect.compose.ComposeCollector;
import dev.infradoc.collect.kubernetes.KubernetesCollector;
import dev.infradoc.knowledge.Knowledge;
import dev.infradoc.model.Collection;
import dev.infradoc.model.Component;
import dev.infradoc.model.Dependency;
import dev.infradoc.model.Fragment;
import dev.infradoc.model.Source;
import dev.infradoc.model.Zone;
import dev.infradoc.redact.Redactor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden cases under {@code src/test/resources/golden/iac/<case>/}: each collector that supports
 * {@code input/} runs on it, and the sorted fragments must equal {@code expected/fragment.json}.
 * Run with {@code -Dgolden.update=true} to rewrite the expected files (then review them by eye).
 */
class IacGoldenTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden/iac");
  private static final Map<String, Collector> COLLECTORS = new LinkedHashMap<>();

  static {
    COLLECTORS.put("compose", new ComposeCollector());
    COLLECTORS.put("kubernetes", new KubernetesCollector());
    COLLECTORS.put("github-actions", new ActionsCollector());
    COLLECTORS.put("config", new dev.infradoc.collect.config.ConfigFilesCollector());
  }

  static Stream<String> cases() throws IOException {
    try (Stream<Path> dirs = Files.list(GOLDEN)) {
      return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void collect_givesTheReviewedFragment_forEachGoldenCase(String name) throws Exception {
    Path input = GOLDEN.resolve(name).resolve("input");
    Path expected = GOLDEN.resolve(name).resolve("expected/fragment.json");
    assertThat(input).as("golden case " + name + " has no input/").isDirectory();
    Target target = Target.parse(input.toString());
    CollectContext context = new CollectContext(CollectOptions.defaults(), Knowledge.load(), new Redactor(), CollectEvents.NONE);

    Map<String, Object> actual = new LinkedHashMap<>();
    for (Map.Entry<String, Collector> c : COLLECTORS.entrySet()) {
      if (c.getValue().supports(target)) actual.put(c.getKey(), sorted(c.getValue().collect(target, context)));
    }
    String json = mapper().writeValueAsString(actual) + "\n";

    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(expected.getParent());
      Files.writeString(expected, json, StandardCharsets.UTF_8);
      return;
    }
    if (!Files.exists(expected)) {
      fail("golden case " + name + " has no expected/fragment.json; run with -Dgolden.update=true and review it");
    }
    assertThat(json).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
  }

  /** The fragment's content in a fixed order: everything sorted by id or natural order. */
  static Map<String, Object> sorted(Fragment f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("sources", f.sources.stream().sorted(Comparator.comparing(Source::id)).toList());
    m.put("components", f.components.stream().sorted(Comparator.comparing(Component::id)).toList());
    m.put("dependencies", f.dependencies.stream().sorted(Comparator.<Dependency>naturalOrder()
        .thenComparing(d -> d.evidence().toString())).toList());
    m.put("zones", f.zones.stream().sorted(Comparator.comparing(Zone::id)).toList());
    m.put("problems", List.copyOf(new TreeSet<>(f.problems)));
    m.put("collections", f.collections.stream().sorted(Comparator.comparing(Collection::source)).toList());
    // What the collector hands to the pipeline's join (pipeline.RepoJoin), when anything.
    if (!f.joins.isEmpty()) {
      Map<String, Object> joins = new LinkedHashMap<>();
      joins.put("files", f.joins.files.stream().sorted(Comparator.comparing(Object::toString)).toList());
      joins.put("uses", f.joins.uses.stream().sorted(Comparator.comparing(Object::toString)).toList());
      joins.put("names", f.joins.names.stream().sorted(Comparator.comparing(Object::toString)).toList());
      joins.put("references", f.joins.references.stream().sorted(Comparator.comparing(Object::toString)).toList());
      // And to the match of CI/CD deliveries (pipeline.DeliveryJoin).
      joins.put("runs", f.joins.runs.stream().sorted(Comparator.comparing(Object::toString)).toList());
      joins.put("units", f.joins.units.stream().sorted(Comparator.comparing(Object::toString)).toList());
      joins.put("deliveries", f.joins.deliveries.stream().sorted(Comparator.comparing(Object::toString)).toList());
      m.put("joins", joins);
    }
    return m;
  }

  static ObjectMapper mapper() {
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
  }
}
