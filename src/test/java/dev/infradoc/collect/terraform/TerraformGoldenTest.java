package dev.infradoc.collect.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.infradoc.collect.CollectContext;
import dev.infradoc.collect.CollectEvents;
import dev.infradoc.collect.CollectOptions;
import dev.infradoc.collect.Target;
import dev.infradoc.knowledge.Knowledge;
import dev.infradoc.model.Component;
import dev.infradoc.model.Fragment;
import dev.infradoc.model.Zone;
import dev.infradoc.redact.Redactor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each directory under golden-terraform holds input/ (a Terraform tree) and expected/fragment.json
 * (what the collector returns, serialised sorted). {@code -Dgolden.update=true} rewrites expected.
 * An optional input-options/var-files.txt lists --var-file paths relative to the case directory.
 */
class TerraformGoldenTest {
  private static final Path ROOT = Path.of("src/test/resources/golden-terraform");
  private static final ObjectMapper JSON = JsonMapper.builder()
      .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
      .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
      .configure(SerializationFeature.INDENT_OUTPUT, true)
      .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.PUBLIC_ONLY)
      .build();

  static Stream<String> cases() throws IOException {
    try (Stream<Path> s = Files.list(ROOT)) {
      return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void collect_matchesGolden(String name) throws Exception {
    Path dir = ROOT.resolve(name);
    Path input = dir.resolve("input");
    Path expected = dir.resolve("expected/fragment.json");
    assertThat(input).as("input side of golden case " + name).isDirectory();
    List<Path> varFiles = new ArrayList<>();
    Path varList = dir.resolve("input-options/var-files.txt");
    if (Files.exists(varList)) {
      for (String line : Files.readAllLines(varList)) {
        if (!line.isBlank()) varFiles.add(dir.resolve(line.strip()));
      }
    }
    CollectOptions defaults = CollectOptions.defaults();
    CollectOptions options = new CollectOptions(defaults.identity(), defaults.knownHosts(),
        defaults.acceptNewHostKeys(), defaults.connectTimeout(), defaults.commandTimeout(), defaults.sudo(),
        defaults.passwordEnv(), varFiles);
    CollectContext context = new CollectContext(options, Knowledge.load(), new Redactor(), CollectEvents.NONE);
    Target target = Target.parse(input.toString());
    TerraformCollector collector = new TerraformCollector();
    assertThat(collector.supports(target)).isTrue();
    String actual = render(collector.collect(target, context));
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(expected.getParent());
      Files.writeString(expected, actual, StandardCharsets.UTF_8);
    }
    assertThat(expected).as("expected side of golden case " + name + " (run with -Dgolden.update=true)").exists();
    assertThat(actual).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
  }

  static String render(Fragment f) throws IOException {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("sources", f.sources);
    out.put("components", f.components.stream().sorted(Comparator.comparing(Component::id)).toList());
    out.put("zones", f.zones.stream().sorted(Comparator.comparing(Zone::id)).toList());
    out.put("dependencies", List.copyOf(new TreeSet<>(f.dependencies)));
    out.put("problems", List.copyOf(new TreeSet<>(f.problems)));
    out.put("collections", f.collections);
    return JSON.writeValueAsString(out) + "\n";
  }
}
