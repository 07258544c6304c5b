package dev.infradoc.render.mermaid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.infradoc.model.Component;
import dev.infradoc.model.ComponentKind;
import dev.infradoc.model.Dependency;
import dev.infradoc.model.Evidence;
import dev.infradoc.model.Model;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InstanceCollapseTest {
  private static Component c(String id, ComponentKind kind, String zones) {
    return new Component(id, id.substring(3), kind, "Amazon EC2", "", "", "terraform:x", 1, "", "", List.of(),
        zones.isEmpty() ? Map.of() : Map.of("zones", zones), List.of(Evidence.of("terraform:x", "main.tf:1", "")));
  }

  private static Dependency d(String from, String to, String at) {
    return new Dependency(from, to, "", 0, Dependency.DECLARED, List.of(Evidence.of("terraform:x", at, "")));
  }

  private static Model model(List<Component> cs, List<Dependency> ds) {
    return new Model(Model.SCHEMA_VERSION, new Model.GeneratedBy("infradoc", "test"), "t", List.of(), List.of(), cs, ds,
        List.of(), List.of(), List.of(), List.of());
  }

  @Test
  void of_drawsRepeatedInstancesAsOneBox_withTheirRangeCountZonesAndEdgesOnce() {
    Model m = model(List.of(c("tf:aws_instance.web[0]", ComponentKind.APPLICATION, "tf:subnet[0]"),
            c("tf:aws_instance.web[1]", ComponentKind.APPLICATION, "tf:subnet[1]"),
            c("tf:aws_instance.web[2]", ComponentKind.APPLICATION, "tf:subnet[2]"),
            c("tf:aws_lb_target_group.app", ComponentKind.LOAD_BALANCER, "")),
        List.of(d("tf:aws_instance.web[0]", "tf:aws_lb_target_group.app", "main.tf:5"),
            d("tf:aws_instance.web[1]", "tf:aws_lb_target_group.app", "main.tf:5"),
            d("tf:aws_instance.web[1]", "tf:aws_instance.web[0]", "main.tf:9")));
    Model out = InstanceCollapse.of(m);
    assertThat(out.components()).extracting(Component::name).containsExactly("aws_instance.web[0..2]", "aws_lb_target_group.app");
    Component web = out.components().get(0);
    assertThat(web.instances()).isEqualTo(3);
    assertThat(web.attribute("zones")).isEqualTo("tf:subnet[0], tf:subnet[1], tf:subnet[2]");
    // Two edges to the target group become one; the edge between two instances of the box is not drawn.
    assertThat(out.dependencies()).singleElement().satisfies(dep -> {
      assertThat(dep.from()).isEqualTo("tf:aws_instance.web[0]");
      assertThat(dep.to()).isEqualTo("tf:aws_lb_target_group.app");
    });
  }

  @Test
  void of_keepsInstancesApart_whenTheyAreDifferentThings() {
    Model m = model(List.of(c("tf:aws_instance.web[0]", ComponentKind.APPLICATION, ""), c("tf:aws_instance.web[1]", ComponentKind.DATABASE, ""),
        c("tf:aws_instance.web[3]", ComponentKind.APPLICATION, "")), List.of());
    assertThat(InstanceCollapse.of(m).components()).extracting(Component::name)
        .containsExactly("aws_instance.web[0,3]", "aws_instance.web[1]");
  }
}
