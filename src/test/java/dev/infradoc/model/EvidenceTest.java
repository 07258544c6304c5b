package dev.infradoc.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EvidenceTest {
  private static List<String> sorted(String... locators) {
    return Evidence.sorted(java.util.Arrays.stream(locators).map(l -> Evidence.of("s", l, "")).toList())
        .stream().map(Evidence::locator).toList();
  }

  @Test
  void linesOfOneFileAreInReadingOrder() {
    assertThat(sorted("deploy/redis.yaml:17", "deploy/redis.yaml:2", "deploy/redis.yaml:100"))
        .containsExactly("deploy/redis.yaml:2", "deploy/redis.yaml:17", "deploy/redis.yaml:100");
  }

  @Test
  void commandLinesAreInReadingOrderToo() {
    assertThat(sorted("ss -tanp#118", "ss -tanp#12", "ps -eo pid,args#7"))
        .containsExactly("ps -eo pid,args#7", "ss -tanp#12", "ss -tanp#118");
  }

  @Test
  void filesComeInNameOrderBeforeLines() {
    assertThat(sorted("b.tf:1", "a.tf:20", "a.tf:3", "a.tf.json:1"))
        .containsExactly("a.tf:3", "a.tf:20", "a.tf.json:1", "b.tf:1");
  }

  @Test
  void locatorsWithoutALineCompareAsTextAndDistinctLocatorsNeverCompareEqual() {
    assertThat(sorted("the whole target", "a.tf:07", "a.tf:7", "a.tf")).containsExactly("a.tf", "a.tf:07", "a.tf:7", "the whole target");
    assertThat(Evidence.compareLocators("x:1", "x#1")).isNotZero();
  }
}
