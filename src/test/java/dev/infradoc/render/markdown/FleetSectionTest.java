package dev.infradoc.render.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.infradoc.model.Model;
import dev.infradoc.model.Problem;
import dev.infradoc.render.GoldenModels;
import java.util.List;
import org.junit.jupiter.api.Test;

class FleetSectionTest {
  private static String fleetSection(Model m) {
    StringBuilder md = new StringBuilder();
    new FleetSection(m).render(md);
    return md.toString();
  }

  @Test
  void aTargetThatGaveNothingIsNamedUnderTheHostsTable() {
    Model fleet = GoldenModels.fleet(3);
    Model withFailure = new Model(fleet.schemaVersion(), fleet.generatedBy(), fleet.generatedAt(), fleet.sources(),
        fleet.hosts(), fleet.components(), fleet.dependencies(), fleet.zones(), fleet.findings(),
        List.of(new Problem("web99", "the whole target", "web99: connection refused (10.0.0.99:22)",
            "check that sshd runs and the port is right")),
        fleet.collections());

    String md = fleetSection(withFailure);

    assertThat(md).contains("Not scanned: 1 target of this run gave nothing")
        .contains("| web99 | web99: connection refused (10.0.0.99:22) | check that sshd runs and the port is right |");
    assertThat(md.indexOf("Not scanned")).isGreaterThan(md.indexOf("### Hosts"));
    assertThat(fleetSection(fleet)).doesNotContain("Not scanned");
  }
}
