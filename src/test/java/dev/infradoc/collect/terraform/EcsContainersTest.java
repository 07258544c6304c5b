package dev.infradoc.collect.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.infradoc.collect.CollectContext;
import dev.infradoc.collect.CollectEvents;
import dev.infradoc.collect.CollectOptions;
import dev.infradoc.collect.Target;
import dev.infradoc.knowledge.Knowledge;
import dev.infradoc.model.Component;
import dev.infradoc.model.Fragment;
import dev.infradoc.redact.Redactor;
import org.junit.jupiter.api.Test;

/** Container definitions of ECS task definitions, from the aws-ecs golden fixture. */
class EcsContainersTest {
  private static Component task(String name) throws Exception {
    CollectContext ctx = new CollectContext(CollectOptions.defaults(), Knowledge.load(), new Redactor(), CollectEvents.NONE);
    Fragment f = new TerraformCollector().collect(Target.parse("src/test/resources/golden-terraform/aws-ecs/input"), ctx);
    return f.components.stream().filter(c -> c.id().equals("tf:aws_ecs_task_definition." + name)).findFirst().orElseThrow();
  }

  @Test
  void collect_readsEachContainer_whenDefinitionsAreJsonencodeOfLiterals() throws Exception {
    Component api = task("api");
    assertThat(api.attribute("container.api.ports")).isEqualTo("8080/tcp");
    assertThat(api.attribute("container.api.cpu")).isEqualTo("384");
    assertThat(api.attribute("container.envoy.essential")).isEqualTo("false");
    // Unresolved parts stay as written, never invented.
    assertThat(api.attribute("container.api.image")).endsWith("orders-api:${var.image_tag}");
    assertThat(api.evidence()).anySatisfy(e -> assertThat(e.locator()).isEqualTo("ecs.tf:52"));
  }

  @Test
  void collect_readsContainersWithTheirLines_whenDefinitionsAreAJsonHeredoc() throws Exception {
    Component worker = task("worker");
    assertThat(worker.attribute("container.worker.command")).isEqualTo("python -m orders.worker");
    assertThat(worker.attribute("container.worker.memory")).isEqualTo("512");
    assertThat(worker.evidence()).anySatisfy(e -> {
      assertThat(e.locator()).isEqualTo("ecs.tf:95");
      assertThat(e.excerpt()).contains("\"command\"");
    });
  }

  @Test
  void collect_showsEnvironmentNamesOnly_neverTheirValues() throws Exception {
    Component api = task("api");
    assertThat(api.attribute("container.api.environment")).isEqualTo("DATABASE_PASSWORD, PORT");
    assertThat(api.attributes().values()).noneMatch(v -> v.contains("hunter2"));
    assertThat(api.evidence()).noneMatch(e -> e.excerpt().contains("hunter2"));
  }
}
