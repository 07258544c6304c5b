package dev.infradoc.collect.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.infradoc.collect.CollectContext;
import dev.infradoc.collect.CollectEvents;
import dev.infradoc.collect.CollectOptions;
import dev.infradoc.collect.CollectionException;
import dev.infradoc.collect.Target;
import dev.infradoc.collect.repo.YamlFile;
import dev.infradoc.collect.repo.YamlReader;
import dev.infradoc.knowledge.Knowledge;
import dev.infradoc.model.Fragment;
import dev.infradoc.model.Problem;
import dev.infradoc.redact.Redactor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property: HCL, Terraform state JSON and YAML from a repository never make a parser throw, and
 * every file rejected is reported with a line:column position. Inputs are the golden cases' files
 * mutated with a seeded generator (the failing seed is in the message).
 */
class IacParsingFuzzTest {
  private static final int RUNS = 120;
  private static final String[] NOISE = {"{", "}", "[", "]", "\"", "'", "${", "%{", "=", ":", "- ", "  ", "\t", "\n", "#", "//", "/*",
      "*/", "<<EOF", "&a", "*a", "!!python/object:os.system", "\u0000", "\uFFFD", "|", "`", "\\", ",", "0x", "1e999", "é"};

  private final CollectContext context =
      new CollectContext(CollectOptions.defaults(), Knowledge.load(), new Redactor(), CollectEvents.NONE);

  @Test
  void terraform_neverThrows_andRejectsWithAPosition(@TempDir Path tmp) throws Exception {
    String hcl = Files.readString(Path.of("src/test/resources/golden-terraform/aws-three-tier/input/compute.tf"));
    String state = Files.readString(Path.of("src/test/resources/golden-terraform/state/input/terraform.tfstate"));
    for (int seed = 0; seed < RUNS; seed++) {
      Random random = new Random(seed);
      Path dir = Files.createDirectories(tmp.resolve("r" + seed));
      Files.writeString(dir.resolve("main.tf"), mutate(hcl, random));
      Files.writeString(dir.resolve("terraform.tfstate"), mutate(state, random));
      int s = seed;
      assertThatCode(() -> {
        Fragment f;
        try {
          f = new TerraformCollector().collect(Target.parse(dir.toString()), context);
        } catch (CollectionException e) {
          return;
        }
        for (Problem p : f.problems) {
          if (p.what().endsWith(".tf") || p.reason().startsWith("not valid JSON")) {
            assertThat(p.reason()).as("seed %d: %s", s, p).containsPattern("\\d+:\\d+: ");
          }
        }
      }).as("seed %d", s).doesNotThrowAnyException();
    }
  }

  @Test
  void yaml_neverThrows_andRejectsWithAPosition() throws Exception {
    List<String> inputs = new ArrayList<>();
    for (String f : List.of("golden/iac/k8s-shop/input/deploy/worker.yaml", "golden/iac/gha-pipeline/input/.github/workflows/ci.yml")) {
      inputs.add(Files.readString(Path.of("src/test/resources", f)));
    }
    for (int seed = 0; seed < RUNS * 3; seed++) {
      Random random = new Random(seed);
      String text = mutate(inputs.get(seed % inputs.size()), random);
      int s = seed;
      assertThatCode(() -> {
        YamlFile y = YamlReader.parse("x.yaml", text);
        y.error().ifPresent(e -> {
          assertThat(e.line()).as("seed %d", s).isPositive();
          assertThat(e.column()).as("seed %d", s).isPositive();
        });
      }).as("seed %d", s).doesNotThrowAnyException();
    }
  }

  static String mutate(String text, Random random) {
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    int edits = 1 + random.nextInt(8);
    for (int i = 0; i < edits && !lines.isEmpty(); i++) {
      int at = random.nextInt(lines.size());
      String line = lines.get(at);
      switch (random.nextInt(5)) {
        case 0 -> lines.remove(at);
        case 1 -> lines.add(at, line);
        case 2 -> lines.set(at, line.substring(0, random.nextInt(line.length() + 1)));
        case 3 -> {
          int p = random.nextInt(line.length() + 1);
          lines.set(at, line.substring(0, p) + NOISE[random.nextInt(NOISE.length)] + line.substring(p));
        }
        default -> {
          return String.join("\n", lines.subList(0, at));
        }
      }
    }
    return String.join("\n", lines);
  }
}
