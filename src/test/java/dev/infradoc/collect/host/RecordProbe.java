package dev.infradoc.collect.host;

import dev.infradoc.collect.CollectContext;
import dev.infradoc.collect.CollectEvents;
import dev.infradoc.collect.CollectOptions;
import dev.infradoc.collect.CollectionException;
import dev.infradoc.collect.Target;
import dev.infradoc.collect.host.ssh.SshConnector;
import dev.infradoc.knowledge.Knowledge;
import dev.infradoc.redact.Redactor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Records a real host's probe output as a golden case input:
 * {@code RecordProbe ssh://root@10.231.50.2 KEY KNOWN_HOSTS OUTDIR}. Run by hand against a test
 * host (src/test/stack/up.sh); the recorded files then feed {@link HostGoldenTest}.
 */
public final class RecordProbe {
  public static void main(String[] a) throws Exception {
    Path out = Path.of(a[3]);
    Files.createDirectories(out);
    CollectOptions options = new CollectOptions(Optional.of(Path.of(a[1])), Optional.of(Path.of(a[2])), false,
        Duration.ofSeconds(10), Duration.ofSeconds(60), false, Optional.empty(), List.of());
    int[] round = {0};
    ShellFactory recording = (target, opts, events) -> {
      Shell real = SshConnector.open(target, opts, events);
      return new Shell() {
        @Override
        public ShellResult run(String script, List<String> args, String stdin, Duration timeout) throws CollectionException {
          ShellResult r = real.run(script, args, stdin, timeout);
          round[0]++;
          try {
            Files.writeString(out.resolve("round" + round[0] + ".out"), r.stdout().replace(args.get(0), RecordedShell.RECORDED_NONCE));
            Files.writeString(out.resolve("round" + round[0] + ".err"), r.stderr().replace(args.get(0), RecordedShell.RECORDED_NONCE));
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
          return r;
        }

        @Override
        public String describe() {
          return real.describe();
        }

        @Override
        public void close() {
          real.close();
        }
      };
    };
    new HostCollector(recording).collect(Target.parse(a[0]),
        new CollectContext(options, Knowledge.load(), new Redactor(), CollectEvents.NONE));
  }
}
