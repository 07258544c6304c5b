package dev.infradoc.collect.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.infradoc.collect.CollectContext;
import dev.infradoc.collect.CollectEvents;
import dev.infradoc.collect.CollectOptions;
import dev.infradoc.collect.CollectionException;
import dev.infradoc.collect.Target;
import dev.infradoc.collect.host.parse.FileLine;
import dev.infradoc.collect.host.parse.NginxConfigParser;
import dev.infradoc.knowledge.Knowledge;
import dev.infradoc.model.Fragment;
import dev.infradoc.redact.Redactor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property: whatever a target prints, probe parsing never fails with an unexpected exception. Real
 * probe output (the shop-stack golden case) is mutated with a seeded generator: lines cut, dropped,
 * duplicated, swapped, markers moved, random and hostile characters injected. Failing seeds are
 * printed so a failure can be replayed.
 */
class ProbeParsingFuzzTest {
  private static final Path SHOP = Path.of("src/test/resources/golden/host/shop-stack/input");
  private static final int RUNS = 300;
  private static final String[] HOSTILE = {"|", "`", "\u001b[31m", "\u0000", "\uFFFD", "\u202e", "%{", "\"", "'", "$(x)",
      "@@infradoc-" + RecordedShell.RECORDED_NONCE + " end processes x", "@@infradoc-" + RecordedShell.RECORDED_NONCE + " begin env 12x",
      "\t", ":", "=", "-1", "99999999999999999999", " ", "\n", "[::]:*", "users:((\"x\",pid=,fd=))", "A".repeat(5000)};

  @Test
  void hostCollector_neverThrowsUnexpectedly_onMutatedProbeOutput() throws Exception {
    String round1 = Files.readString(SHOP.resolve("round1.out"));
    String round2 = Files.readString(SHOP.resolve("round2.out"));
    CollectContext context = new CollectContext(CollectOptions.defaults(), Knowledge.load(), new Redactor(), CollectEvents.NONE);
    for (int seed = 0; seed < RUNS; seed++) {
      Random random = new Random(seed);
      String out1 = mutate(round1, random);
      String out2 = mutate(round2, random);
      int s = seed;
      HostCollector collector = new HostCollector((t, o, e) -> new FixedShell(out1, out2));
      assertThatCode(() -> {
        try {
          Fragment f = collector.collect(Target.parse("ssh://root@fuzzed"), context);
          assertThat(f.sources).hasSize(1);
        } catch (CollectionException expected) {
          assertThat(expected.getMessage()).isNotBlank();
        }
      }).as("seed %d", s).doesNotThrowAnyException();
    }
  }

  @Test
  void probeOutputAndFactsParser_neverThrow_onRandomText() {
    for (int seed = 0; seed < RUNS; seed++) {
      Random random = new Random(seed);
      String text = randomText(random, 2000);
      int s = seed;
      assertThatCode(() -> FactsParser.parse("x", ProbeOutput.parse(RecordedShell.RECORDED_NONCE, text, text)))
          .as("seed %d", s).doesNotThrowAnyException();
      assertThatCode(() -> NginxConfigParser.parse(FileLine.parse(Arrays.asList(text.split("\n")))))
          .as("seed %d", s).doesNotThrowAnyException();
    }
  }

  static String mutate(String text, Random random) {
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    int edits = 1 + random.nextInt(30);
    for (int i = 0; i < edits && !lines.isEmpty(); i++) {
      int at = random.nextInt(lines.size());
      String line = lines.get(at);
      switch (random.nextInt(7)) {
        case 0 -> lines.remove(at);
        case 1 -> lines.add(at, line);
        case 2 -> lines.set(at, line.substring(0, random.nextInt(line.length() + 1)));
        case 3 -> lines.set(at, insert(line, HOSTILE[random.nextInt(HOSTILE.length)], random));
        case 4 -> lines.set(at, insert(line, randomText(random, 20), random));
        case 5 -> java.util.Collections.swap(lines, at, random.nextInt(lines.size()));
        default -> {
          // cut the whole output here, as a dropped connection would
          return String.join("\n", lines.subList(0, at)) + "\n" + line.substring(0, random.nextInt(line.length() + 1));
        }
      }
    }
    return String.join("\n", lines);
  }

  private static String insert(String line, String what, Random random) {
    int at = random.nextInt(line.length() + 1);
    return line.substring(0, at) + what + line.substring(at);
  }

  static String randomText(Random random, int max) {
    StringBuilder sb = new StringBuilder();
    int n = random.nextInt(max);
    for (int i = 0; i < n; i++) {
      int kind = random.nextInt(10);
      if (kind < 6) sb.append((char) (0x20 + random.nextInt(0x5f)));
      else if (kind < 8) sb.append(HOSTILE[random.nextInt(HOSTILE.length)].substring(0, 1));
      else if (kind < 9) sb.append('\n');
      else sb.appendCodePoint(random.nextInt(0x2FFFF));
    }
    return sb.toString();
  }

  /** A shell that answers each round with fixed text (the fuzzed output), as a target could. */
  private record FixedShell(String round1, String round2) implements Shell {
    private static final int[] ROUND = {0};

    @Override
    public ShellResult run(String script, List<String> args, String stdin, Duration timeout) {
      String out = script.equals(ProbeScripts.ROUND1) ? round1 : round2;
      return new ShellResult(out.replace(RecordedShell.RECORDED_NONCE, args.get(0)), "", 0, false);
    }

    @Override
    public String describe() {
      return "root@fuzzed";
    }

    @Override
    public void close() {}
  }
}
