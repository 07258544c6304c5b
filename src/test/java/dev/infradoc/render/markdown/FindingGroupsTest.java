package dev.infradoc.render.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.infradoc.model.Component;
import dev.infradoc.model.ComponentKind;
import dev.infradoc.model.Finding;
import dev.infradoc.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class FindingGroupsTest {
  private static final Function<String, Component> NAMES = id -> new Component(id, id.substring(3), ComponentKind.OBJECT_STORAGE,
      "", "", "", "terraform:x", 1, "", "", List.of(), Map.of(), List.of());

  private static Finding f(String rule, Severity s, String name, String recommendation) {
    return new Finding(rule + ":" + name, rule, s, name + " has no public access block", "No block refers to " + name + ".",
        List.of("tf:" + name), List.of(), recommendation, "");
  }

  @Test
  void of_groupsARuleFromFourFindings_andKeepsFewerOneEach() {
    List<Finding> all = new ArrayList<>();
    for (int i = 0; i < 4; i++) all.add(f("security.a", Severity.MEDIUM, "b" + i, "Add a block to b" + i + "."));
    for (int i = 0; i < 3; i++) all.add(f("security.b", Severity.LOW, "c" + i, "Fix c" + i + "."));
    List<List<Finding>> groups = FindingGroups.of(all);
    assertThat(groups).extracting(List::size).containsExactly(4, 1, 1, 1);
    assertThat(groups.stream().mapToInt(List::size).sum()).as("no finding lost").isEqualTo(all.size());
  }

  @Test
  void shared_saysTheSentenceOnceWithAPlaceholder_orNothingWhenTheyDiffer() {
    List<Finding> same = List.of(f("r", Severity.LOW, "b_1", "Add a block to b_1."), f("r", Severity.LOW, "b_2", "Add a block to b_2."));
    assertThat(FindingGroups.shared(same, Finding::recommendation, NAMES)).isEqualTo("Add a block to `<component>`.");
    assertThat(FindingGroups.shared(same, Finding::title, NAMES)).isEqualTo("`<component>` has no public access block");
    List<Finding> differ = List.of(f("r", Severity.LOW, "b1", "Add a block to b1."), f("r", Severity.LOW, "b2", "Remove b2."));
    assertThat(FindingGroups.shared(differ, Finding::recommendation, NAMES)).isNull();
  }
}
