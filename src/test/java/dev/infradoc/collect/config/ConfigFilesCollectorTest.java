package dev.infradoc.collect.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.infradoc.collect.CollectContext;
import dev.infradoc.collect.CollectEvents;
import dev.infradoc.collect.CollectOptions;
import dev.infradoc.collect.Target;
import dev.infradoc.knowledge.Knowledge;
import dev.infradoc.model.Component;
import dev.infradoc.model.Dependency;
import dev.infradoc.model.Fragment;
import dev.infradoc.redact.Redactor;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFilesCollectorTest {
  @TempDir Path dir;

  private Fragment collect() throws Exception {
    CollectContext ctx = new CollectContext(CollectOptions.defaults(), Knowledge.load(), new Redactor(), CollectEvents.NONE);
    return new ConfigFilesCollector().collect(Target.parse(dir.toString()), ctx);
  }

  private void write(String rel, String text) throws Exception {
    Files.createDirectories(dir.resolve(rel).getParent());
    Files.writeString(dir.resolve(rel), text);
  }

  private static Component component(Fragment f, String id) {
    return f.components.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void collect_edgeFromNginxToTheUnit_whenProxyPassPortIsTheOneTheUnitBinds() throws Exception {
    write("nginx/sites-enabled/app.conf", "server {\n  listen 80;\n  location / { proxy_pass http://127.0.0.1:9000; }\n}\n");
    write("systemd/app.service", "[Service]\nExecStart=/usr/bin/gunicorn --bind 127.0.0.1:9000 app:wsgi\n");
    Fragment f = collect();
    assertThat(f.dependencies).singleElement().satisfies(d -> {
      assertThat(d.from()).isEqualTo("config:nginx/sites-enabled/app.conf");
      assertThat(d.to()).isEqualTo("config:systemd/app.service");
      assertThat(d.port()).isEqualTo(9000);
      assertThat(d.kind()).isEqualTo(Dependency.CONFIGURED);
      assertThat(d.evidence()).extracting(e -> e.locator()).containsExactly("nginx/sites-enabled/app.conf:3");
    });
  }

  @Test
  void collect_keepsTheAddressAsWritten_whenNothingReadListensThere() throws Exception {
    write("nginx/nginx.conf", "http {\n  server {\n    location / { proxy_pass http://api:8000; }\n  }\n}\n");
    Fragment f = collect();
    assertThat(f.dependencies).isEmpty();
    assertThat(component(f, "config:nginx/nginx.conf").attribute("targets_not_read")).isEqualTo("api:8000");
  }

  @Test
  void collect_environmentNamesOnly_andConnectionStringCredentialsRedacted() throws Exception {
    write("app.service", "[Service]\nEnvironment=\"DB=postgres://u:hunter2@db.example.com:5432/x\" \"API_TOKEN=abc123\"\nExecStart=/usr/bin/python3 -m app\n");
    Fragment f = collect();
    Component unit = component(f, "config:app.service");
    assertThat(unit.attribute("environment")).isEqualTo("DB, API_TOKEN");
    assertThat(unit.toString()).doesNotContain("hunter2").doesNotContain("abc123");
    assertThat(f.dependencies).singleElement().satisfies(d -> {
      assertThat(d.to()).isEqualTo("external:db.example.com:5432");
      assertThat(d.evidence().get(0).excerpt()).doesNotContain("hunter2");
    });
  }

  @Test
  void collect_finalStageBaseImageAndPorts_fromAMultiStageDockerfile() throws Exception {
    write("Dockerfile", "FROM golang:1.22 AS build\nRUN go build -o /app\n\nFROM nginx:1.27-alpine\nEXPOSE 80 443\nUSER nginx\nCMD [\"nginx\", \"-g\", \"daemon off;\"]\n");
    Component c = component(collect(), "config:Dockerfile");
    assertThat(c.technology()).isEqualTo("nginx");
    assertThat(c.kind().id()).isEqualTo("web-server");
    assertThat(c.attribute("expose")).isEqualTo("80, 443");
    assertThat(c.runsAs()).isEqualTo("nginx");
    assertThat(c.evidence()).extracting(e -> e.locator()).contains("Dockerfile:4", "Dockerfile:5");
  }

  @Test
  void collect_reportsThePosition_whenPrometheusConfigIsNotYaml() throws Exception {
    write("prometheus.yml", "scrape_configs:\n  - job_name: [\n");
    Fragment f = collect();
    assertThat(f.problems).singleElement().satisfies(p -> assertThat(p.what()).matches("prometheus\\.yml:\\d+:\\d+"));
  }
}
