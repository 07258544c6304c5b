package dev.infradoc.cli;

import dev.infradoc.analyze.drift.Drift;
import dev.infradoc.analyze.drift.DriftAnalysis;
import dev.infradoc.collect.Target;
import dev.infradoc.history.HistoryStore;
import dev.infradoc.history.StoredScan;
import dev.infradoc.history.TargetsKey;
import dev.infradoc.model.Model;
import dev.infradoc.pipeline.OutputWriter;
import dev.infradoc.render.drift.DriftDocument;
import dev.infradoc.render.drift.DriftSummary;
import dev.infradoc.render.json.ModelJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code infradoc diff [OLD NEW]}: what drifted between two models (two model.json files, or by
 * default the last two kept scans of the same targets); writes drift.md and prints a summary.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
    description = {"Compares two models and writes drift.md: components, dependencies and hosts added, removed and changed,",
        "findings new and fixed. OLD and NEW are model.json files (or folders holding one); without them, the last two",
        "kept scans of the same targets (those of the latest scan, or --targets / --key).",
        "Exit code 0 when nothing drifted, 1 when something did, 3 when there are not two scans to compare."})
final class DiffCommand implements Callable<Integer> {
  private static final int SUMMARY_LINES = 20;

  @Spec CommandSpec spec;
  @Mixin OutputOptions output;

  @Parameters(arity = "0..2", paramLabel = "MODEL", description = "OLD and NEW model.json files (or folders with one).")
  List<Path> files = new ArrayList<>();

  @Option(names = "--store", paramLabel = "DIR", description = "Where scans are kept (default: ~/.infradoc/history).")
  Path store;

  @Option(names = "--targets", split = ",", paramLabel = "TARGET",
      description = "Compare scans of these targets, as given to scan (repeat or separate by commas).")
  List<String> targets = new ArrayList<>();

  @Option(names = "--key", description = "Compare scans kept under this key (see 'infradoc history').")
  String key;

  @Option(names = {"-o", "--out"}, defaultValue = "docs", description = "Folder for drift.md (default: ${DEFAULT-VALUE}).")
  Path out;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (files.size() == 1) {
      err.println("infradoc: give two models (OLD NEW), or none to compare the last two kept scans");
      return ExitCode.USAGE;
    }
    if (!files.isEmpty() && (!targets.isEmpty() || key != null)) {
      err.println("infradoc: give either two models or --targets/--key, not both");
      return ExitCode.USAGE;
    }
    Pair pair;
    try {
      pair = files.isEmpty() ? fromStore(err) : fromFiles(err);
    } catch (Failure f) {
      return f.code;
    }
    Drift drift = DriftAnalysis.compare(pair.older, pair.newer);
    String doc = new DriftDocument(drift, pair.olderName, pair.newerName).render();
    try {
      OutputWriter.write(this.out, Map.of("drift.md", doc));
    } catch (IOException e) {
      err.println("infradoc: cannot write drift.md to " + this.out + ": " + e.getMessage() + "; check the folder's permissions and free space");
      return ExitCode.NOTHING;
    }
    if (!output.quiet) {
      out.println(DriftSummary.headline(drift) + " (" + drift.olderAt() + " -> " + drift.newerAt() + ")");
      DriftSummary.lines(drift, SUMMARY_LINES).forEach(out::println);
      err.println("infradoc: wrote drift.md to " + this.out);
    }
    return drift.drifted() ? ExitCode.PARTIAL : ExitCode.OK;
  }

  private record Pair(Model older, String olderName, Model newer, String newerName) {}

  /** Ends the command with an exit code after its message was printed. */
  static final class Failure extends Exception {
    final int code;

    Failure(int code) {
      super(null, null, false, false);
      this.code = code;
    }
  }

  private Pair fromFiles(PrintWriter err) throws Failure {
    Path a = modelFile(files.get(0));
    Path b = modelFile(files.get(1));
    return new Pair(readModel(a, err), a.toString(), readModel(b, err), b.toString());
  }

  private static Path modelFile(Path p) {
    return Files.isDirectory(p) ? p.resolve("model.json") : p;
  }

  private static Model readModel(Path file, PrintWriter err) throws Failure {
    try {
      return ModelJson.read(Files.readString(file));
    } catch (IOException | IllegalArgumentException e) {
      err.println("infradoc: " + file + ": " + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage())
          + "; give model.json files written by 'infradoc scan'");
      throw new Failure(ExitCode.USAGE);
    }
  }

  /** The history key of targets written as on the scan command line. */
  static String keyOf(List<String> targets, PrintWriter err) throws Failure {
    List<Target> parsed = new ArrayList<>();
    for (String t : targets) {
      try {
        parsed.add(Target.parse(t));
      } catch (IllegalArgumentException e) {
        err.println("infradoc: target " + e.getMessage());
        throw new Failure(ExitCode.USAGE);
      }
    }
    return StoreKey.of(parsed);
  }

  private Pair fromStore(PrintWriter err) throws Failure {
    HistoryStore history = new HistoryStore(store != null ? store : HistoryStore.defaultDir());
    try {
      Optional<String> chosen;
      if (key != null) {
        if (!TargetsKey.isKey(key)) {
          err.println("infradoc: --key " + key + " is not a key; 'infradoc history' lists them");
          throw new Failure(ExitCode.USAGE);
        }
        chosen = Optional.of(key);
      } else if (!targets.isEmpty()) {
        chosen = Optional.of(keyOf(targets, err));
      } else {
        chosen = history.latestKey();
      }
      if (chosen.isEmpty()) {
        err.println("infradoc: nothing to compare: no scans kept in " + history.dir() + "; scan twice first (scans are kept unless --no-store)");
        throw new Failure(ExitCode.NOTHING);
      }
      List<StoredScan> two = history.lastTwo(chosen.get());
      if (two.size() < 2) {
        err.println("infradoc: nothing to compare: " + two.size() + " scan" + (two.size() == 1 ? "" : "s")
            + " of these targets kept in " + history.dir() + "; two are needed");
        throw new Failure(ExitCode.NOTHING);
      }
      return new Pair(readModel(two.get(0).file(), err), "kept scan " + two.get(0).file().getFileName(),
          readModel(two.get(1).file(), err), "kept scan " + two.get(1).file().getFileName());
    } catch (IOException e) {
      err.println("infradoc: cannot read the history in " + history.dir() + ": " + e.getMessage());
      throw new Failure(ExitCode.NOTHING);
    }
  }
}
