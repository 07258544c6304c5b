package dev.infradoc.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.infradoc.collect.CollectContext;
import dev.infradoc.collect.CollectEvents;
import dev.infradoc.collect.CollectOptions;
import dev.infradoc.collect.CollectionException;
import dev.infradoc.collect.Collector;
import dev.infradoc.collect.Target;
import dev.infradoc.model.Component;
import dev.infradoc.model.ComponentKind;
import dev.infradoc.model.Evidence;
import dev.infradoc.model.Fragment;
import dev.infradoc.model.Problem;
import dev.infradoc.model.Source;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The collectors of one repository target read it at once; what they give is taken in collector order. */
class PipelineCollectorsTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  @TempDir Path repo;

  /** A collector that reads every path target after a pause, then gives one component or fails. */
  private record Fake(String name, long pauseMillis, boolean reads, String failure) implements Collector {
    @Override
    public boolean supports(Target target) {
      return reads && target.kind() == Target.Kind.PATH;
    }

    @Override
    public Fragment collect(Target target, CollectContext context) throws CollectionException {
      try {
        Thread.sleep(pauseMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (!failure.isEmpty()) throw new CollectionException(failure, "");
      Fragment f = new Fragment();
      f.sources.add(new Source(name, name, target.display()));
      f.add(new Component(name + ":app", "app", ComponentKind.APPLICATION, name, "", "", name, 1, "", "", List.of(),
          Map.of("from", name), List.of(Evidence.of(name, "x:1", "password=hunter2"))));
      return f;
    }
  }

  private Pipeline.Result scan(Collector... collectors) {
    return new Pipeline(List.of(collectors), CLOCK)
        .scan(List.of(Target.parse(repo.toString())), CollectOptions.defaults(), CollectEvents.NONE);
  }

  @Test
  void everyCollectorThatReadsTheTargetContributes_slowestFirst() {
    Pipeline.Result result = scan(new Fake("slow", 200, true, ""), new Fake("none", 0, false, ""), new Fake("fast", 0, true, ""));

    assertThat(result.failures()).isEmpty();
    assertThat(result.model().components()).extracting(Component::id).containsExactly("fast:app", "slow:app");
    // Each fragment went through the last redaction pass, whichever thread read it.
    assertThat(result.model().components()).allSatisfy(c ->
        assertThat(c.evidence()).extracting(Evidence::excerpt).containsExactly("password=[redacted: password]"));
  }

  @Test
  void oneCollectorFailing_isAProblemNotAFailedTarget() {
    Pipeline.Result result = scan(new Fake("broken", 100, true, "cannot read x.yaml"), new Fake("fine", 0, true, ""));

    assertThat(result.failures()).isEmpty();
    assertThat(result.model().components()).extracting(Component::id).containsExactly("fine:app");
    assertThat(result.model().problems()).extracting(Problem::reason).contains("cannot read x.yaml");
  }

  @Test
  void allCollectorsFailing_failsTheTargetWithTheLastCollectorsReason() {
    // The first collector finishes last: the reason given is still the one of the last collector in order.
    Pipeline.Result result = scan(new Fake("a", 200, true, "first reason"), new Fake("b", 0, true, "second reason"));

    assertThat(result.failures()).extracting(Pipeline.Failure::message).containsExactly("second reason");
  }

  @Test
  void noCollectorReadingTheTarget_failsIt() {
    Pipeline.Result result = scan(new Fake("a", 0, false, ""), new Fake("b", 0, false, ""));

    assertThat(result.failures()).hasSize(1);
    assertThat(result.failures().get(0).message()).contains("no collector reads this kind of target");
  }
}
