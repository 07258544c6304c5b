package dev.infradoc.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.infradoc.model.Model;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DerivedTest {
  private static Model model() {
    return new Model(Model.SCHEMA_VERSION, new Model.GeneratedBy("infradoc", "test"), "t", List.of(), List.of(), List.of(),
        List.of(), List.of(), List.of(), List.of(), List.of());
  }

  @Test
  void of_buildsOncePerModelAndKey_evenAskedFromSeveralThreads() {
    Model m = model();
    AtomicInteger builds = new AtomicInteger();
    List<CompletableFuture<Object>> asks = java.util.stream.IntStream.range(0, 8)
        .mapToObj(i -> CompletableFuture.supplyAsync(() -> Derived.of(m, "key", x -> {
          builds.incrementAndGet();
          return new Object();
        }))).toList();
    Object first = asks.get(0).join();
    asks.forEach(a -> assertThat(a.join()).isSameAs(first));
    assertThat(builds).hasValue(1);
    String other = Derived.of(m, "other", x -> "b");
    assertThat(other).isEqualTo("b");
  }

  @Test
  void of_tellsEqualModelsApart_byIdentity() {
    Model a = model();
    Model b = model();
    assertThat(a).isEqualTo(b);
    Object ofA = Derived.of(a, "k", x -> new Object());
    Object ofB = Derived.of(b, "k", x -> new Object());
    assertThat(ofA).isNotSameAs(ofB);
    assertThat(View.of(a)).isSameAs(View.of(a));
  }

  @Test
  void of_aFailedBuildIsNotKept() {
    Model m = model();
    assertThatThrownBy(() -> Derived.<String>of(m, "k", x -> {
      throw new IllegalStateException("broken");
    })).hasMessage("broken");
    String built = Derived.of(m, "k", x -> "built");
    assertThat(built).isEqualTo("built");
  }
}
