package dev.infradoc.render.mermaid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.infradoc.model.Component;
import dev.infradoc.model.Model;
import dev.infradoc.render.GoldenModels;
import dev.infradoc.render.View;
import dev.infradoc.render.iac.Hop;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The grouped diagrams of the generated mid-size fixture (four copies of a service stack) lose no component and no link. */
class GroupedDiagramsTest {
  private static final Pattern COUNT = Pattern.compile("#183; x(\\d+)\"");
  private static final Pattern LINKS = Pattern.compile("<br/>(\\d+) links\"\\|");
  private static Model model;
  private static DeclaredDiagrams declared;
  private static GroupedDiagrams grouped;

  @BeforeAll
  static void collect() {
    model = GoldenModels.declared("terraform-generated");
    View view = View.of(model);
    declared = new DeclaredDiagrams(model, view, new Mermaid(model.components()), c -> "x");
    grouped = new GroupedDiagrams(model, view, declared);
  }

  /** How many things the boxes (or arrows) of a diagram stand for: their counts, 1 where none is written. */
  private static int total(List<String> lines, Pattern count) {
    int n = 0;
    for (String l : lines) {
      Matcher m = count.matcher(l);
      n += m.find() ? Integer.parseInt(m.group(1)) : 1;
    }
    return n;
  }

  @Test
  void system_boxesStandForEveryServiceOnce_andArrowsForEveryHopBetweenThem() {
    String code = grouped.system();
    List<String> boxes = code.lines().filter(l -> l.strip().matches("c\\d+[\\[(].*")).toList();
    List<Component> services = model.components().stream().filter(declared::isService).toList();
    assertThat(total(boxes, COUNT)).isEqualTo(services.size());
    assertThat(boxes.size()).as("far fewer boxes than services").isLessThan(services.size() / 4);
    Set<String> visible = new TreeSet<>();
    services.forEach(c -> visible.add(c.id()));
    Set<String> hops = new TreeSet<>();
    for (Hop h : declared.uses()) {
      if (!h.fromOutside() && visible.contains(h.from()) && visible.contains(h.to())) hops.add(h.from() + ">" + h.to());
    }
    List<String> arrows = code.lines().filter(l -> l.contains("-->") || l.contains("-.->")).toList();
    assertThat(total(arrows, LINKS)).isEqualTo(hops.size());
  }

  @Test
  void dependencies_countLikeArrowsOnce_withTheirPortsAsARange() {
    String code = grouped.dependencies(declared.meaningful());
    // Each stack's web group may reach its app group on its own port (8000, 8001, ...): one arrow, the ports as a range.
    assertThat(code).contains("-.->|\"tcp 8000..8003 (allowed)<br/>12 links\"|");
    assertThat(code).contains("module.svc#91;00..03#93;.aws_lb.e#91;0..2#93;<br/>load-balancer #183; AWS Elastic Load Balancing #183; x12");
  }

  @Test
  void topology_countsSubnetsByTierInEachGroupOfLikeVpcs() {
    String code = grouped.topology();
    long vpcs = model.zones().stream().filter(z -> z.kind().equals("vpc")).count();
    assertThat(code).contains("VPC module.svc#91;00..03#93;.aws_vpc.n#91;0..2#93; x" + vpcs);
    long publicSubnets = model.zones().stream().filter(z -> z.kind().equals("subnet") && "public".equals(z.attributes().get("tier"))).count();
    assertThat(code).contains("public subnets x" + publicSubnets);
  }
}
