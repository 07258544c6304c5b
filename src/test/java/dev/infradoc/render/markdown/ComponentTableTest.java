package dev.infradoc.render.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ComponentTableTest {
  @Test
  void merged_keepsASharedCell_givesNumberRanges_andCountsOtherDifferences() {
    assertThat(ComponentTable.merged(List.of("min 2; max 6", "min 2; max 6"))).isEqualTo("min 2; max 6");
    assertThat(ComponentTable.merged(List.of("key o0.arn; 30 days", "key o2.arn; 30 days", "key o1.arn; 30 days")))
        .isEqualTo("key o0..2.arn; 30 days");
    assertThat(ComponentTable.merged(List.of("port 80", "port 443"))).isEqualTo("port 80,443");
    assertThat(ComponentTable.merged(List.of("postgres", "mysql", "postgres"))).isEqualTo("2 values (model.json)");
  }
}
