package dev.infradoc.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.infradoc.model.Component;
import dev.infradoc.model.ComponentKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShapeGroupsTest {
  private static Component c(String name, ComponentKind kind, String type) {
    return new Component("tf:" + name, name, kind, "tech", "", "", "terraform:x", 1, "", "", List.of(),
        Map.of("terraform.type", type, "terraform.address", name), List.of());
  }

  @Test
  void shape_replacesIndexesAndNumberedNames() {
    assertThat(ShapeGroups.shape("module.svc03.aws_subnet.n7_public[1]")).isEqualTo("module.svc#.aws_subnet.n#_public[*]");
    // The 3 of s3 is a numbered name too; the type, kept apart in the key, stops aws_s3 from meeting another number.
    assertThat(ShapeGroups.shape("aws_s3_bucket.d0[\"assets\"]")).isEqualTo("aws_s#_bucket.d#[*]");
    // A number that does not end a word (a CIDR, a version) is not a numbered name.
    assertThat(ShapeGroups.shape("10.0.1.0/24")).isEqualTo("10.0.1.0/24");
  }

  @Test
  void groups_countIndexRangesAndNumberedSiblings_andLoseNone() {
    List<Component> all = new ArrayList<>();
    for (int m = 0; m < 3; m++) {
      for (int i = 0; i < 3; i++) all.add(c("module.svc0" + m + ".aws_subnet.private[" + i + "]", ComponentKind.NETWORK, "aws_subnet"));
      all.add(c("module.svc0" + m + ".aws_lb.e" + m, ComponentKind.LOAD_BALANCER, "aws_lb"));
    }
    all.add(c("aws_subnet.private[7]", ComponentKind.DATABASE, "aws_db_instance")); // same shape, other kind: its own group
    ShapeGroups groups = ShapeGroups.of(all);
    assertThat(groups.groups()).extracting(ShapeGroups.Group::name).containsExactly(
        "module.svc[00..02].aws_subnet.private[0..2]", "module.svc[00..02].aws_lb.e[0..2]", "aws_subnet.private[7]");
    assertThat(groups.groups()).extracting(ShapeGroups.Group::size).containsExactly(9, 3, 1);
    assertThat(groups.groups().get(0).module()).isEqualTo("module.svc[00..02]");
    assertThat(groups.groups().get(2).module()).isEmpty();
    // Every component is in exactly one group.
    Set<String> seen = new LinkedHashSet<>();
    groups.groups().forEach(g -> g.members().forEach(m -> assertThat(seen.add(m.id())).isTrue()));
    assertThat(seen).hasSize(all.size());
    all.forEach(c -> assertThat(groups.of(c.id()).members()).contains(c));
  }

  @Test
  void range_isConsecutiveKeepingPadding_elseListedAndCapped() {
    assertThat(ShapeGroups.range(new LinkedHashSet<>(List.of("02", "00", "01")))).isEqualTo("00..02");
    assertThat(ShapeGroups.range(new LinkedHashSet<>(List.of("1", "3", "7")))).isEqualTo("1,3,7");
    assertThat(ShapeGroups.range(new LinkedHashSet<>(List.of("\"logs\"", "\"assets\"")))).isEqualTo("\"assets\",\"logs\"");
    assertThat(ShapeGroups.range(new LinkedHashSet<>(List.of("a", "b", "c", "d", "e", "f")))).isEqualTo("a,b,c,d,...+2");
    assertThat(ShapeGroups.range(new LinkedHashSet<>(List.of("5")))).isEqualTo("5");
  }
}
