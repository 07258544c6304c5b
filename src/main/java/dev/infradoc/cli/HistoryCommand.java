package dev.infradoc.cli;

import dev.infradoc.history.HistoryStore;
import dev.infradoc.history.StoredScan;
import dev.infradoc.history.TargetsKey;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code infradoc history}: the kept scans, by targets key, or every scan of one key. */
@Command(name = "history", mixinStandardHelpOptions = true,
    description = {"Lists kept scans: one line per set of targets (its key, number of scans, latest, sources),",
        "or with --targets / --key every scan of those targets."})
final class HistoryCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin OutputOptions output;

  @Option(names = "--store", paramLabel = "DIR", description = "Where scans are kept (default: ~/.infradoc/history).")
  Path store;

  @Option(names = "--targets", split = ",", paramLabel = "TARGET", description = "List the scans of these targets.")
  List<String> targets = new ArrayList<>();

  @Option(names = "--key", description = "List the scans kept under this key.")
  String key;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    HistoryStore history = new HistoryStore(store != null ? store : HistoryStore.defaultDir());
    try {
      String chosen = key;
      if (chosen != null && !TargetsKey.isKey(chosen)) {
        err.println("infradoc: --key " + key + " is not a key; 'infradoc history' lists them");
        return ExitCode.USAGE;
      }
      if (chosen == null && !targets.isEmpty()) chosen = DiffCommand.keyOf(targets, err);
      if (chosen != null) {
        List<StoredScan> scans = history.list(chosen);
        if (scans.isEmpty()) {
          err.println("infradoc: no scans of these targets kept in " + history.dir());
          return ExitCode.NOTHING;
        }
        out.println("generatedAt\tcomponents\tdependencies\tfindings\tfile");
        for (StoredScan s : scans) {
          out.println(s.generatedAt() + "\t" + s.components() + "\t" + s.dependencies() + "\t" + s.findings() + "\t" + s.file());
        }
        return ExitCode.OK;
      }
      List<String> keys = history.keys();
      if (keys.isEmpty()) {
        err.println("infradoc: no scans kept in " + history.dir());
        return ExitCode.NOTHING;
      }
      out.println("key\tscans\tlatest\tsources");
      for (String k : keys) {
        List<StoredScan> scans = history.list(k);
        if (scans.isEmpty()) continue;
        StoredScan last = scans.get(scans.size() - 1);
        out.println(k + "\t" + scans.size() + "\t" + last.generatedAt() + "\t" + String.join(" ", last.sources()));
      }
      return ExitCode.OK;
    } catch (DiffCommand.Failure f) {
      return f.code;
    } catch (IOException | IllegalArgumentException e) {
      err.println("infradoc: cannot read the history in " + history.dir() + ": " + e.getMessage());
      return ExitCode.NOTHING;
    }
  }
}
