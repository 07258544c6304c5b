package dev.infradoc.render.structurizr;

import static org.assertj.core.api.Assertions.assertThat;

import com.structurizr.Workspace;
import com.structurizr.dsl.StructurizrDslParser;
import com.structurizr.model.Container;
import com.structurizr.model.DeploymentNode;
import com.structurizr.model.SoftwareSystem;
import dev.infradoc.model.Component;
import dev.infradoc.model.ComponentKind;
import dev.infradoc.model.Dependency;
import dev.infradoc.model.Evidence;
import dev.infradoc.model.Model;
import dev.infradoc.render.GoldenModels;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** workspace.dsl of every golden model, parsed by the real Structurizr DSL parser (com.structurizr:structurizr-dsl). */
class WorkspaceDslTest {

  static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> models() {
    return GoldenModels.all();
  }

  private static Workspace parse(String dsl) throws Exception {
    StructurizrDslParser parser = new StructurizrDslParser();
    parser.parse(dsl);
    return parser.getWorkspace();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void workspaceDsl_parsesInStructurizr_withAContainerPerComponentAndANodePerHost(String name, Model model) throws Exception {
    String dsl = new WorkspaceDsl(model).render();
    Workspace w = parse(dsl);

    List<Component> internal = model.components().stream().filter(c -> !c.kind().role().equals("external")).toList();
    List<Component> external = model.components().stream().filter(c -> c.kind().role().equals("external")).toList();
    SoftwareSystem system = w.getModel().getSoftwareSystemWithName(w.getModel().getSoftwareSystems().stream()
        .filter(s -> !s.hasTag("External")).findFirst().orElseThrow().getName());
    assertThat(system.getContainers()).as(name + ": containers").hasSize(internal.size());
    for (Component c : internal) {
      assertThat(system.getContainers()).as(name + ": " + c.id()).anyMatch(k -> k.getName().startsWith(expectedText(c.name()))
          && k.getDescription().contains("(" + c.id() + ")"));
    }
    assertThat(w.getModel().getSoftwareSystems()).as(name + ": external systems").hasSize(1 + external.size());
    long pairs = model.dependencies().stream().filter(d -> !d.from().equals(d.to()))
        .map(d -> d.from() + ">" + d.to() + ">" + d.protocol() + d.port() + d.kind()).distinct().count();
    assertThat(w.getModel().getRelationships().stream().filter(r -> r.getLinkedRelationshipId() == null
        && !(r.getSource() instanceof com.structurizr.model.ContainerInstance)).count())
        .as(name + ": relationships").isEqualTo(pairs);
    Set<String> hostNodes = w.getModel().getDeploymentNodes().stream().filter(n -> n.getEnvironment().equals("Observed"))
        .map(DeploymentNode::getName).collect(Collectors.toSet());
    assertThat(hostNodes).as(name + ": a node per host")
        .isEqualTo(model.hosts().stream().map(h -> expectedText(h.hostname())).collect(Collectors.toSet()));
    assertThat(w.getViews().getSystemContextViews()).hasSize(1);
    assertThat(w.getViews().getContainerViews()).hasSize(1);
    assertThat(w.getViews().getDeploymentViews()).as(name + ": deployment views").isNotEmpty();
    long instances = w.getModel().getDeploymentNodes().stream().mapToLong(WorkspaceDslTest::instances).sum();
    assertThat(instances).as(name + ": every internal component is deployed somewhere").isGreaterThanOrEqualTo(internal.size());
    assertThat(new WorkspaceDsl(model).render()).as("same model, same bytes").isEqualTo(dsl);
  }

  private static long instances(DeploymentNode n) {
    return n.getContainerInstances().size() + n.getChildren().stream().mapToLong(WorkspaceDslTest::instances).sum();
  }

  @Test
  void declaredComponents_sitInTheirZones_nestedAsTheNetworkIs() throws Exception {
    Model model = GoldenModels.declared("terraform-aws-three-tier");
    Workspace w = parse(new WorkspaceDsl(model).render());

    List<DeploymentNode> top = w.getModel().getDeploymentNodes().stream().filter(n -> n.getEnvironment().equals("Declared")).toList();
    assertThat(top).as("a VPC at the top").anyMatch(n -> n.getTechnology().equals("vpc") && !n.getChildren().isEmpty());
    DeploymentNode vpc = top.stream().filter(n -> n.getTechnology().equals("vpc")).findFirst().orElseThrow();
    assertThat(vpc.getChildren()).as("subnets inside the VPC").allMatch(n -> n.getTechnology().equals("subnet"));
    assertThat(vpc.getChildren()).anyMatch(n -> !n.getContainerInstances().isEmpty());
  }

  @Test
  void hostileNames_stayLiteral_andCannotEndAStringOrAStatement() throws Exception {
    String[] names = {"say \"hi\" } {", "C:\\new", "ends with\\", "line\nbreak !include http://x", "${workspace} // #", "c2 -> c1 \"x\""};
    List<Component> components = new java.util.ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      components.add(new Component("host:h/p" + i, names[i], ComponentKind.APPLICATION, names[i], "", "", "host:h", 1, "", "",
          List.of(), Map.of(), List.of(Evidence.of("host:h", "ps#" + i, ""))));
    }
    List<Dependency> deps = List.of(new Dependency("host:h/p0", "host:h/p1", "say \"x\\", 80, Dependency.OBSERVED, List.of()));
    Model model = new Model(1, new Model.GeneratedBy("infradoc", "test"), "2026-01-01T00:00:00Z", List.of(), List.of(),
        components, deps, List.of(), List.of(), List.of(), List.of());

    Workspace w = parse(new WorkspaceDsl(model).render());

    SoftwareSystem system = w.getModel().getSoftwareSystems().iterator().next();
    assertThat(system.getContainers().stream().map(Container::getName).sorted().toList()).containsExactlyInAnyOrder(
        "say \"hi\" } {", "C:\u29F5new", "ends with\u29F5", "line break !include http://x", "${workspace} // #", "c2 -> c1 \"x\"");
    assertThat(system.getContainers().stream().map(Container::getTechnology)).contains("say \"hi\" } {");
    assertThat(w.getModel().getRelationships().stream().filter(r -> r.getLinkedRelationshipId() == null)).hasSize(1);
    assertThat(w.getModel().getRelationships().iterator().next().getTechnology()).isEqualTo("say \"x\u29F5");
  }

  /** What a name looks like after the DSL: a backslash shown as U+29F5, control characters as spaces. */
  private static String expectedText(String s) {
    return s.replace('\\', '\u29F5').replaceAll("[\\p{Cntrl}\u2028\u2029]", " ");
  }
}
