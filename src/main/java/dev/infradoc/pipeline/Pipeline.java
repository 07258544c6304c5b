package dev.infradoc.pipeline;

import dev.infradoc.analyze.AnalysisConfig;
import dev.infradoc.analyze.Analyzer;
import dev.infradoc.collect.CollectContext;
import dev.infradoc.collect.CollectEvents;
import dev.infradoc.collect.CollectOptions;
import dev.infradoc.collect.CollectionException;
import dev.infradoc.collect.Collector;
import dev.infradoc.collect.Target;
import dev.infradoc.knowledge.Knowledge;
import dev.infradoc.model.Fragment;
import dev.infradoc.model.Host;
import dev.infradoc.model.Model;
import dev.infradoc.model.ModelBuilder;
import dev.infradoc.model.Problem;
import dev.infradoc.redact.Redactor;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The one place the pipeline is wired: collect each target (several at once), join what the
 * collectors of one repository read ({@link RepoJoin}), merge, stitch hosts together, analyze. Rendering is {@link Documents}. Fragments are merged in the order the targets
 * were given, whatever order they finish in, so the model does not depend on timing.
 */
public final class Pipeline {
  private final List<Collector> collectors;
  private final Clock clock;
  private final AnalysisConfig findingsConfig;

  /** What a scan produced, and which targets failed (each with its one-line reason). */
  public record Result(Model model, List<Failure> failures, RunInfo run, List<Stage> stages) {}

  /** How long one stage of the whole run took (for --verbose; never written into a document). */
  public record Stage(String name, long millis) {}

  /** A target that gave nothing, and why. */
  public record Failure(Target target, String message) {}

  /**
   * One target to scan, with the inventory's view of it: its name there, its groups (written onto
   * the host records it yields), its own key, and why it cannot be scanned at all (empty if it can).
   */
  public record Job(Target target, String name, List<String> groups, Optional<Path> identity, String unusable) {
    public Job {
      groups = List.copyOf(groups);
      unusable = unusable == null ? "" : unusable;
    }

    public static Job of(Target target) {
      return new Job(target, target.display(), List.of(), Optional.empty(), "");
    }
  }

  /** How one job ended: failure message empty when it succeeded. */
  public record Outcome(Job job, int index, String failure, long millis, int components) {
    public boolean ok() {
      return failure.isEmpty();
    }
  }

  /** Told as each job starts and ends, from the worker threads (implementations synchronize). */
  public interface Progress {
    Progress NONE = new Progress() {};

    default void started(Job job, int index, int total) {}

    default void finished(Outcome outcome, int done, int total) {}
  }

  public Pipeline(List<Collector> collectors, Clock clock) {
    this(collectors, clock, AnalysisConfig.NONE);
  }

  private Pipeline(List<Collector> collectors, Clock clock, AnalysisConfig findingsConfig) {
    this.collectors = List.copyOf(collectors);
    this.clock = clock;
    this.findingsConfig = findingsConfig;
  }

  /**
   * The same pipeline with findings configured by {@code file}, or by .infradoc.yml in the current
   * directory when {@code file} is null and it exists. Throws IllegalArgumentException (one line) when the file is wrong.
   */
  public Pipeline withFindingsConfig(java.nio.file.Path file) {
    java.nio.file.Path chosen = file != null ? file : java.nio.file.Path.of(AnalysisConfig.DEFAULT_FILE);
    if (file == null && !java.nio.file.Files.exists(chosen)) return this;
    return new Pipeline(collectors, clock, AnalysisConfig.read(chosen, Analyzer.ruleIds()));
  }

  private static Fragment problem(Target target, String reason, String hint) {
    Fragment failed = new Fragment();
    failed.problems.add(new Problem(target.display(), "the whole target", reason, hint));
    return failed;
  }

  /** Scans the targets one after another (the single-host path). */
  public Result scan(List<Target> targets, CollectOptions options, CollectEvents events) {
    return scan(targets.stream().map(Job::of).toList(), options, events, Progress.NONE, 1);
  }

  /** A sensible number of targets to scan at once: scans mostly wait on the network. */
  public static int defaultParallelism() {
    return Math.min(16, 4 * Runtime.getRuntime().availableProcessors());
  }

  public Result scan(List<Job> jobs, CollectOptions options, CollectEvents events, Progress progress, int parallelism) {
    List<Stage> stages = new ArrayList<>();
    long mark = System.nanoTime();
    // The rules' data files are read while collection runs (a cold YAML read is slow), not after it.
    CompletableFuture<Void> rulesData = CompletableFuture.runAsync(Analyzer::preload);
    // Read on first use, once: only host, compose, Kubernetes and config collectors ask for it.
    Supplier<Knowledge> knowledge = new Supplier<>() {
      private Knowledge loaded;

      @Override
      public synchronized Knowledge get() {
        if (loaded == null) loaded = Knowledge.load();
        return loaded;
      }
    };
    List<RunInfo.Phase> phases = new ArrayList<>();
    CollectEvents timing = new CollectEvents() {
      @Override
      public void phase(Target target, String phase, long millis) {
        synchronized (phases) {
          phases.add(new RunInfo.Phase(target.display(), phase, millis));
        }
        events.phase(target, phase, millis);
      }

      @Override
      public void detail(Target target, String message) {
        events.detail(target, message);
      }
    };
    Redactor redactor = new Redactor();
    int total = jobs.size();
    AtomicInteger done = new AtomicInteger();
    List<Collected> results = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallelism, Math.max(1, total))), r -> {
      Thread t = new Thread(r, "infradoc-scan");
      t.setDaemon(true);
      return t;
    });
    // The collectors of one repository target read it at once (see collect); their own pool, so a
    // job waiting for them never holds a thread they need.
    ExecutorService readers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), r -> {
      Thread t = new Thread(r, "infradoc-read");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<Collected>> futures = new ArrayList<>();
      for (int i = 0; i < total; i++) {
        Job job = jobs.get(i);
        int index = i;
        CollectOptions own = job.identity().isEmpty() ? options : new CollectOptions(job.identity(), options.knownHosts(),
            options.acceptNewHostKeys(), options.connectTimeout(), options.commandTimeout(), options.sudo(),
            options.passwordEnv(), options.varFiles());
        CollectContext context = new CollectContext(own, knowledge, redactor, timing);
        futures.add(pool.submit(() -> {
          progress.started(job, index, total);
          long t0 = System.nanoTime();
          Collected c = collect(job, context, readers);
          long millis = (System.nanoTime() - t0) / 1_000_000;
          boolean reported;
          synchronized (phases) {
            reported = phases.stream().anyMatch(p -> p.target().equals(job.target().display()) && p.name().equals("total"));
          }
          // A collector that times only its own steps still gets the target's whole time in the header.
          if (!reported) timing.phase(job.target(), "total", millis);
          progress.finished(new Outcome(job, index, c.failure, millis,
              c.fragments.stream().mapToInt(f -> f.components.size()).sum()), done.incrementAndGet(), total);
          return c;
        }));
      }
      for (Future<Collected> f : futures) results.add(f.get());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("scan interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("a scan worker failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
      readers.shutdownNow();
    }
    mark = lap(stages, "collect", mark);
    ModelBuilder builder = new ModelBuilder();
    List<Failure> failures = new ArrayList<>();
    for (int i = 0; i < total; i++) {
      Collected c = results.get(i);
      c.fragments.forEach(builder::add);
      if (!c.failure.isEmpty()) failures.add(new Failure(jobs.get(i).target(), c.failure));
    }
    String now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
    Model model = builder.build(new Model.GeneratedBy("infradoc", Version.current()), now);
    mark = lap(stages, "merge", mark);
    model = FleetStitcher.stitch(model);
    mark = lap(stages, "stitch hosts", mark);
    try {
      rulesData.join();
    } catch (java.util.concurrent.CompletionException e) {
      // A data file that cannot be read fails the analysis below as well.
    }
    model = new Analyzer(findingsConfig).analyze(model);
    lap(stages, "analyze", mark);
    List<RunInfo.Phase> ordered;
    synchronized (phases) {
      ordered = new ArrayList<>(phases);
    }
    // Completion order varies; the header lists phases in target order.
    List<String> order = jobs.stream().map(j -> j.target().display()).toList();
    ordered.sort(java.util.Comparator.comparingInt((RunInfo.Phase p) -> order.indexOf(p.target())));
    return new Result(model, failures, new RunInfo(now, List.copyOf(ordered)), List.copyOf(stages));
  }

  private static long lap(List<Stage> stages, String name, long since) {
    long now = System.nanoTime();
    stages.add(new Stage(name, (now - since) / 1_000_000));
    return now;
  }

  /** What one job yielded; a job that failed still yields the fragment with its problem. */
  private record Collected(List<Fragment> fragments, String failure) {}

  private Collected collect(Job job, CollectContext context, ExecutorService readers) {
    Target target = job.target();
    List<Fragment> fragments = new ArrayList<>();
    if (!job.unusable().isEmpty()) {
      String why = job.name() + ": " + job.unusable();
      fragments.add(problem(target, why, ""));
      return new Collected(fragments, why);
    }
    List<Attempt> able = attempts(job, context, readers).stream().filter(Attempt::supported).toList();
    if (able.isEmpty()) {
      String why = target.kind() == Target.Kind.PATH && !java.nio.file.Files.exists(target.path())
          ? target.display() + ": no such file or directory"
          : target.display() + ": no collector reads this kind of target (no Terraform, compose, Kubernetes or workflow files found)";
      fragments.add(problem(target, why, ""));
      return new Collected(fragments, why);
    }
    // A repository may hold several kinds of source: every collector that reads it contributes.
    int failed = 0;
    String lastError = "";
    for (Attempt a : able) {
      fragments.add(a.fragment());
      if (a.failed()) {
        failed++;
        lastError = a.error();
      }
    }
    joinRepository(fragments);
    if (!lastError.isEmpty() && !job.name().equals(target.display()) && !lastError.startsWith(job.name())) {
      lastError = job.name() + ": " + lastError; // the inventory's name is the one the reader knows
    }
    return new Collected(fragments, failed == able.size() ? lastError : "");
  }

  /**
   * The fragments the collectors made of one target, joined: what one read may be part of what
   * another read (a mounted nginx.conf), and what its CI/CD jobs build, push, apply and deploy.
   */
  public static void joinRepository(List<Fragment> fragments) {
    RepoJoin.join(fragments);
    DeliveryJoin.join(fragments);
  }

  /** What one collector made of a target: nothing (it does not read it), or its fragment, and why it failed. */
  private record Attempt(boolean supported, Fragment fragment, boolean failed, String error) {}

  /**
   * Every collector's attempt, in collector order. The collectors of a repository each walk and
   * read the same tree, independently of each other: they work at once on {@code readers}. A host
   * target has one collector that reads it, so its collectors are asked one after another.
   */
  private List<Attempt> attempts(Job job, CollectContext context, ExecutorService readers) {
    if (job.target().kind() != Target.Kind.PATH) {
      return collectors.stream().map(c -> attempt(c, job, context)).toList();
    }
    List<Future<Attempt>> futures = collectors.stream().map(c -> readers.submit(() -> attempt(c, job, context))).toList();
    List<Attempt> attempts = new ArrayList<>();
    try {
      for (Future<Attempt> f : futures) attempts.add(f.get());
    } catch (InterruptedException e) {
      futures.forEach(f -> f.cancel(true));
      Thread.currentThread().interrupt();
      throw new IllegalStateException("scan interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      futures.forEach(f -> f.cancel(true));
      if (e.getCause() instanceof RuntimeException r) throw r;
      if (e.getCause() instanceof Error err) throw err;
      throw new IllegalStateException(e.getCause());
    }
    return attempts;
  }

  private Attempt attempt(Collector collector, Job job, CollectContext context) {
    Target target = job.target();
    if (!collector.supports(target)) return new Attempt(false, null, false, "");
    try {
      return new Attempt(true, withGroups(FragmentRedaction.apply(collector.collect(target, context), context.redactor()), job.groups()),
          false, "");
    } catch (CollectionException e) {
      // Messages may quote what a target printed: they are redacted like any excerpt.
      return new Attempt(true, problem(target, context.redactor().text(e.getMessage()), context.redactor().text(e.hint())),
          true, context.redactor().text(e.oneLine()));
    } catch (RuntimeException e) {
      // One host's surprise must not cost the other hosts their documents.
      String error = target.display() + ": internal error while collecting: " + e;
      return new Attempt(true, problem(target, error, "re-run with --stacktrace and report it"), true, error);
    }
  }

  private static Fragment withGroups(Fragment f, List<String> groups) {
    if (groups.isEmpty()) return f;
    List<Host> tagged = f.hosts.stream().map(h -> h.withGroups(groups)).toList();
    f.hosts.clear();
    f.hosts.addAll(tagged);
    return f;
  }
}
