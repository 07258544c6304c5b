package dev.infradoc.collect.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.infradoc.collect.CollectContext;
import dev.infradoc.collect.CollectEvents;
import dev.infradoc.collect.CollectOptions;
import dev.infradoc.collect.Target;
import dev.infradoc.knowledge.Knowledge;
import dev.infradoc.model.Component;
import dev.infradoc.model.ComponentKind;
import dev.infradoc.model.Fragment;
import dev.infradoc.redact.Redactor;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComposeCollectorTest {
  @TempDir Path dir;
  private final CollectContext context =
      new CollectContext(CollectOptions.defaults(), Knowledge.load(), new Redactor(), CollectEvents.NONE);

  private Fragment collect(Path folder) throws Exception {
    return new ComposeCollector().collect(Target.parse(folder.toString()), context);
  }

  private static Component component(Fragment f, String id) {
    return f.components.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void collect_readsVersion1Files_whereServicesAreAtTheTop() throws Exception {
    Path p = Files.createDirectories(dir.resolve("My App"));
    Files.writeString(p.resolve("docker-compose.yml"), "web:\n  build: .\n  links:\n    - db\ndb:\n  image: mysql:5.7\n");
    Fragment f = collect(p);
    assertThat(component(f, "compose:myapp/db").kind()).isEqualTo(ComponentKind.DATABASE);
    assertThat(component(f, "compose:myapp/web").kind()).isEqualTo(ComponentKind.APPLICATION);
    assertThat(f.dependencies).anyMatch(d -> d.from().equals("compose:myapp/web") && d.to().equals("compose:myapp/db"));
  }

  @Test
  void collect_prefersComposeYaml_andMergesItsOverride_likeDockerCompose() throws Exception {
    Files.writeString(dir.resolve("compose.yaml"), "name: shop\nservices:\n  api:\n    image: acme/api:1\n    ports: ['80:80']\n");
    Files.writeString(dir.resolve("docker-compose.yml"), "services:\n  ignored:\n    image: redis\n");
    Files.writeString(dir.resolve("compose.override.yaml"), "services:\n  api:\n    image: acme/api:2\n    ports: ['9229:9229']\n");
    Fragment f = collect(dir);
    assertThat(f.components).extracting(Component::id).containsExactly("compose:shop/api");
    Component api = component(f, "compose:shop/api");
    assertThat(api.attribute("image")).isEqualTo("acme/api:2");
    assertThat(api.listens()).extracting(l -> l.port()).containsExactly(80, 9229);
    assertThat(api.evidence()).anyMatch(e -> e.locator().equals("compose.override.yaml:3"));
  }

  @Test
  void collect_keepsUnresolvedReplicas_andListsExtendsAsAProblem() throws Exception {
    Files.writeString(dir.resolve("compose.yml"), "services:\n  w:\n    extends: {file: base.yml, service: x}\n"
        + "    image: acme/w\n    command: python -m app.worker\n    deploy:\n      replicas: ${WORKERS:-3}\n");
    Fragment f = collect(dir);
    Component w = f.components.get(0);
    assertThat(w.kind()).isEqualTo(ComponentKind.WORKER);
    assertThat(w.attribute("replicas")).isEqualTo("${WORKERS:-3}");
    assertThat(w.instances()).isEqualTo(1);
    assertThat(f.problems).anyMatch(p -> p.what().equals("compose.yml:3") && p.reason().contains("extends"));
  }
}
