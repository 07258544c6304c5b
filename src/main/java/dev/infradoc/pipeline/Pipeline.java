package dev.infradoc.pipeline;

import dev.infradoc.analyze.Analyzer;
import dev.infradoc.collect.CollectContext;
import dev.infradoc.collect.CollectEvents;
import dev.infradoc.collect.CollectOptions;
import dev.infradoc.collect.CollectionException;
import dev.infradoc.collect.Collector;
import dev.infradoc.collect.Target;
import dev.infradoc.knowledge.Knowledge;
import dev.infradoc.model.Fragment;
import dev.infradoc.model.Model;
import dev.infradoc.model.ModelBuilder;
import dev.infradoc.model.Problem;
import dev.infradoc.redact.Redactor;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** The one place the pipeline is wired: collect each target, merge, analyze. Rendering is {@link Documents}. */
public final class Pipeline {
  private final List<Collector> collectors;
  private final Clock clock;

  /** What a scan produced, and which targets failed (each with its one-line reason). */
  public record Result(Model model, List<Failure> failures, RunInfo run) {}

  /** A target that gave nothing, and why. */
  public record Failure(Target target, String message) {}

  public Pipeline(List<Collector> collectors, Clock clock) {
    this.collectors = List.copyOf(collectors);
    this.clock = clock;
  }

  private static Fragment problem(Target target, String reason, String hint) {
    Fragment failed = new Fragment();
    failed.problems.add(new Problem(target.display(), "the whole target", reason, hint));
    return failed;
  }

  public Result scan(List<Target> targets, CollectOptions options, CollectEvents events) {
    Knowledge knowledge = Knowledge.load();
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
    CollectContext context = new CollectContext(options, knowledge, redactor, timing);
    ModelBuilder builder = new ModelBuilder();
    List<Failure> failures = new ArrayList<>();
    for (Target target : targets) {
      List<Collector> able = collectors.stream().filter(c -> c.supports(target)).toList();
      if (able.isEmpty()) {
        String why = target.kind() == Target.Kind.PATH && !java.nio.file.Files.exists(target.path())
            ? target.display() + ": no such file or directory"
            : target.display() + ": no collector reads this kind of target (no Terraform, compose, Kubernetes or workflow files found)";
        failures.add(new Failure(target, why));
        builder.add(problem(target, why, ""));
        continue;
      }
      // A repository may hold several kinds of source: every collector that reads it contributes.
      int failed = 0;
      String lastError = "";
      for (Collector collector : able) {
        try {
          builder.add(FragmentRedaction.apply(collector.collect(target, context), redactor));
        } catch (CollectionException e) {
          failed++;
          // Messages may quote what a target printed: they are redacted like any excerpt.
          lastError = redactor.text(e.oneLine());
          builder.add(problem(target, redactor.text(e.getMessage()), redactor.text(e.hint())));
        }
      }
      if (failed == able.size()) failures.add(new Failure(target, lastError));
    }
    String now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
    Model model = builder.build(new Model.GeneratedBy("infradoc", Version.current()), now);
    model = new Analyzer().analyze(model);
    return new Result(model, failures, new RunInfo(now, List.copyOf(phases)));
  }
}
