package dev.infradoc.cli;

import dev.infradoc.collect.CollectEvents;
import dev.infradoc.collect.CollectOptions;
import dev.infradoc.collect.Collector;
import dev.infradoc.collect.Target;
import dev.infradoc.collect.inventory.AnsibleInventory;
import dev.infradoc.collect.inventory.InventoryException;
import dev.infradoc.collect.inventory.InventoryHost;
import dev.infradoc.collect.inventory.SshConfigHosts;
import dev.infradoc.collect.inventory.TargetsFile;
import dev.infradoc.history.HistoryStore;
import dev.infradoc.history.PostgresHistoryStore;
import dev.infradoc.history.ScanStore;
import dev.infradoc.history.StoredScan;
import dev.infradoc.pipeline.Collectors;
import dev.infradoc.pipeline.Documents;
import dev.infradoc.pipeline.OutputFormat;
import dev.infradoc.pipeline.Pipeline;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code infradoc scan TARGET... --out DIR}: collect, merge, analyze, write the documents. */
@Command(name = "scan", mixinStandardHelpOptions = true,
    description = {"Scans targets and writes architecture.md, diagrams.md and model.json.",
        "A TARGET is 'local', ssh://[user@]host[:port], [user@]host, a Host alias from ~/.ssh/config, or a path.",
        "Fleets: --inventory hosts.ini (Ansible INI or YAML), --targets-file FILE or --ssh-config-hosts; --jobs N at once."})
final class ScanCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin OutputOptions output;

  @Parameters(arity = "0..*", paramLabel = "TARGET", description = "What to scan; several targets merge into one model.")
  List<String> targets = new ArrayList<>();

  @Option(names = "--inventory", description = "Ansible inventory (INI or YAML): every host in it, its groups become tiers.")
  Path inventory;

  @Option(names = "--targets-file", description = "File with one target a line, optionally followed by its groups.")
  Path targetsFile;

  @Option(names = "--ssh-config-hosts", description = "Scan every concrete Host alias of ~/.ssh/config.")
  boolean sshConfigHosts;

  @Option(names = {"-j", "--jobs"}, description = "Targets scanned at once (default: min(16, 4 x cores)).")
  Integer jobs;

  @Option(names = {"-o", "--out"}, defaultValue = "docs", description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--format", defaultValue = "markdown,json,sarif", paramLabel = "LIST",
      description = "Outputs, comma-separated: markdown, json, sarif, html (site/), structurizr (workspace.dsl), or all (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = {"-i", "--identity"}, description = "SSH private key file.")
  Path identity;

  @Option(names = "--known-hosts", description = "known_hosts file (default: ~/.ssh/known_hosts).")
  Path knownHosts;

  @Option(names = "--accept-new-host-keys", description = "Accept and record keys of hosts not yet in known_hosts (a changed key still fails).")
  boolean acceptNew;

  @Option(names = "--connect-timeout", defaultValue = "10", description = "Seconds to connect and authenticate (default: ${DEFAULT-VALUE}).")
  int connectTimeout;

  @Option(names = "--command-timeout", defaultValue = "60", description = "Seconds the probe may run (default: ${DEFAULT-VALUE}).")
  int commandTimeout;

  @Option(names = "--sudo", description = "Run the probe through 'sudo -n' (never prompts) to read what needs root.")
  boolean sudo;

  @Option(names = "--password-env", description = "Name of an environment variable holding the SSH password (never pass a password as a flag).")
  String passwordEnv;

  @Option(names = "--var-file", description = "Terraform variable file (repeatable).")
  List<Path> varFiles = new ArrayList<>();

  @Option(names = "--config", description = "Findings configuration: rules off, severities, accepted findings (default: .infradoc.yml here, if present).")
  Path config;

  @Option(names = "--store", paramLabel = "DIR|URL", description = "Keep this scan's model.json in DIR, or in PostgreSQL at a "
      + "jdbc:postgresql:// URL (password from INFRADOC_STORE_PASSWORD), for 'infradoc diff' (default: ~/.infradoc/history).")
  String store;

  @Option(names = "--no-store", description = "Do not keep this scan in the history.")
  boolean noStore;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    List<Pipeline.Job> parsed = new ArrayList<>();
    for (String t : targets) {
      try {
        parsed.add(Pipeline.Job.of(Target.parse(t)));
      } catch (IllegalArgumentException e) {
        err.println("infradoc: target " + e.getMessage());
        return ExitCode.USAGE;
      }
    }
    try {
      if (inventory != null) AnsibleInventory.read(inventory).forEach(h -> parsed.add(job(h)));
      if (targetsFile != null) TargetsFile.read(targetsFile).forEach(h -> parsed.add(job(h)));
      if (sshConfigHosts) {
        SshConfigHosts.read(Path.of(System.getProperty("user.home"), ".ssh", "config")).forEach(h -> parsed.add(job(h)));
      }
    } catch (InventoryException e) {
      err.println("infradoc: " + e.getMessage());
      return ExitCode.USAGE;
    }
    if (parsed.isEmpty()) {
      err.println("infradoc: nothing to scan; give a TARGET, --inventory, --targets-file or --ssh-config-hosts");
      return ExitCode.USAGE;
    }
    Set<OutputFormat> formats;
    try {
      formats = OutputFormat.parse(format);
    } catch (IllegalArgumentException e) {
      err.println("infradoc: " + e.getMessage());
      return ExitCode.USAGE;
    }
    if (jobs != null && jobs < 1) {
      err.println("infradoc: --jobs must be at least 1");
      return ExitCode.USAGE;
    }
    if (connectTimeout <= 0 || commandTimeout <= 0) {
      err.println("infradoc: --connect-timeout and --command-timeout must be positive numbers of seconds");
      return ExitCode.USAGE;
    }
    CollectOptions options = new CollectOptions(Optional.ofNullable(identity), Optional.ofNullable(knownHosts),
        acceptNew, Duration.ofSeconds(connectTimeout), Duration.ofSeconds(commandTimeout), sudo,
        Optional.ofNullable(passwordEnv), List.copyOf(varFiles));
    List<Collector> collectors = Collectors.all();
    Pipeline pipeline;
    try {
      pipeline = new Pipeline(collectors, Clock.systemUTC()).withFindingsConfig(config);
    } catch (IllegalArgumentException e) {
      err.println("infradoc: " + e.getMessage());
      return ExitCode.USAGE;
    }
    boolean fleet = parsed.size() > 1;
    Pipeline.Progress progress = fleet ? new ScanProgress(err, ScanProgress.stderrIsTerminal(), output.quiet) : Pipeline.Progress.NONE;
    Pipeline.Result result = pipeline.scan(parsed, options, events(err), progress,
        jobs != null ? jobs : Pipeline.defaultParallelism());
    if (fleet && !result.failures().isEmpty()) {
      err.println("infradoc: " + result.failures().size() + " of " + parsed.size() + " targets failed:");
    }
    result.failures().forEach(f -> err.println("infradoc: " + f.message()));
    if (result.failures().size() == parsed.size()) {
      err.println("infradoc: nothing was collected; no documents written");
      return ExitCode.NOTHING;
    }
    List<String> written;
    long renderStart = System.nanoTime();
    try {
      written = Documents.write(out, result.model(), result.run(), formats);
    } catch (IOException e) {
      err.println("infradoc: cannot write documents to " + out + ": " + e.getMessage() + "; check the folder's permissions and free space");
      return ExitCode.NOTHING;
    }
    if (output.verbose) {
      result.stages().forEach(s -> err.println("infradoc: " + s.name() + " " + s.millis() + " ms"));
      err.println("infradoc: render and write " + (System.nanoTime() - renderStart) / 1_000_000 + " ms");
    }
    if (!noStore) keep(parsed, result.model(), err);
    if (!output.quiet) {
      long site = written.stream().filter(f -> f.startsWith("site/")).count();
      List<String> named = new ArrayList<>(written.stream().filter(f -> !f.startsWith("site/")).toList());
      if (site > 0) named.add("site/ (" + site + " files; open site/index.html)");
      err.println("infradoc: wrote " + String.join(", ", named) + " to " + out + " ("
          + result.model().components().size() + " components, " + result.model().dependencies().size()
          + " dependencies, " + result.model().findings().size() + " findings)");
    }
    return result.failures().isEmpty() ? ExitCode.OK : ExitCode.PARTIAL;
  }

  /**
   * Keeps the model in the history under the key of the targets asked for (failed ones included, so
   * a failure does not start a new history). A store that cannot be written costs a warning, not
   * the documents already written.
   */
  private void keep(List<Pipeline.Job> jobs, dev.infradoc.model.Model model, PrintWriter err) {
    ScanStore history;
    try {
      history = ScanStore.at(store, System.getenv());
    } catch (IllegalArgumentException e) {
      err.println("infradoc: warning: could not keep this scan: " + e.getMessage());
      return;
    }
    boolean files = history instanceof HistoryStore;
    try {
      StoredScan kept = history.save(StoreKey.of(jobs.stream().map(Pipeline.Job::target).toList()), model);
      if (!output.quiet) err.println("infradoc: kept this scan as " + kept.file() + (files ? "" : " in " + history.describe()));
    } catch (IOException | RuntimeException e) {
      err.println("infradoc: warning: could not keep this scan in " + history.describe() + ": " + e.getMessage()
          + (files ? "; check the folder's permissions, or pass --no-store"
              : "; check the database and " + PostgresHistoryStore.PASSWORD_ENV + ", or pass --no-store"));
    }
  }

  private static Pipeline.Job job(InventoryHost h) {
    return new Pipeline.Job(h.target(), h.name(), h.groups(), h.identity(), h.unusable());
  }

  private CollectEvents events(PrintWriter err) {
    if (!output.verbose) return CollectEvents.NONE;
    return new CollectEvents() {
      @Override
      public void phase(Target target, String phase, long millis) {
        err.println("infradoc: " + target.display() + ": " + phase + " " + millis + " ms");
      }

      @Override
      public void detail(Target target, String message) {
        err.println("infradoc: " + target.display() + ": " + message);
      }
    };
  }
}
