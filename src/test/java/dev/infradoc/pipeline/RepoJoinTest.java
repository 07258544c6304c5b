package dev.infradoc.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.infradoc.collect.CollectEvents;
import dev.infradoc.collect.CollectOptions;
import dev.infradoc.collect.Target;
import dev.infradoc.model.Component;
import dev.infradoc.model.Dependency;
import dev.infradoc.model.Evidence;
import dev.infradoc.model.Model;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The join of a repository's collectors, through the pipeline as a scan runs it (collect, redact, join, merge). */
class RepoJoinTest {
  private static final String NGINX = "events {}\nhttp {\n  server {\n    listen 80;\n    location / { proxy_pass http://api:8000; }\n  }\n}\n";
  private static final String API = "  api:\n    image: ghcr.io/acme/api:1.4\n    expose: [\"8000\"]\n";

  @TempDir Path repo;

  private void write(String rel, String text) throws IOException {
    Path p = repo.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  private Model scan() {
    Pipeline pipeline = new Pipeline(Collectors.all(), Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
    return pipeline.scan(List.of(Target.parse(repo.toString())), CollectOptions.defaults(), CollectEvents.NONE).model();
  }

  private static Component component(Model m, String id) {
    return m.component(id).orElseThrow(() -> new AssertionError(id + " not in " + m.components().stream().map(Component::id).toList()));
  }

  private static List<String> edges(Model m) {
    return m.dependencies().stream().map(Dependency::key).toList();
  }

  private static List<String> locators(Component c) {
    return c.evidence().stream().map(Evidence::locator).toList();
  }

  @Test
  void join_makesTheMountedNginxConfFactsOfTheComposeService_andItsProxyEdgeLeavesTheService() throws IOException {
    write("shop/nginx/nginx.conf", NGINX);
    write("shop/docker-compose.yml", "name: shop\nservices:\n  web:\n    image: nginx:1.27\n    volumes:\n"
        + "      - ./nginx/nginx.conf:/etc/nginx/nginx.conf:ro\n" + API);
    Model m = scan();

    assertThat(m.components()).extracting(Component::id).containsExactly("compose:shop/api", "compose:shop/web");
    Component web = component(m, "compose:shop/web");
    assertThat(web.attribute(RepoJoin.CONFIG_FILES)).isEqualTo("shop/nginx/nginx.conf (mount)");
    assertThat(web.attribute("listen")).isEqualTo("80");
    assertThat(web.attributes()).doesNotContainKey("targets_not_read");
    assertThat(locators(web)).contains("shop/docker-compose.yml:6", "shop/nginx/nginx.conf:1", "shop/nginx/nginx.conf:5");
    Dependency proxy = m.dependencies().stream().filter(d -> d.kind().equals(Dependency.CONFIGURED)).findFirst().orElseThrow();
    assertThat(proxy.key()).isEqualTo("compose:shop/web->compose:shop/api:8000/configured");
    assertThat(proxy.protocol()).isEqualTo("http");
    assertThat(proxy.evidence()).extracting(Evidence::locator).containsExactly("shop/nginx/nginx.conf:5");
    // The file was read, and says so under Coverage, though it is no component of its own.
    assertThat(m.collections()).flatExtracting(c -> c.steps()).extracting(s -> s.name()).contains("shop/nginx/nginx.conf");
  }

  @Test
  void join_resolvesParentFolderMounts_relativeToTheComposeFile() throws IOException {
    write("shared/nginx/nginx.conf", NGINX);
    write("deploy/compose.yaml", "name: shop\nservices:\n  web:\n    image: nginx:1.27\n    volumes:\n"
        + "      - ../shared/nginx/./nginx.conf:/etc/nginx/nginx.conf:ro\n" + API);
    Model m = scan();

    assertThat(m.components()).extracting(Component::id).containsExactly("compose:shop/api", "compose:shop/web");
    assertThat(component(m, "compose:shop/web").attribute(RepoJoin.CONFIG_FILES)).isEqualTo("shared/nginx/nginx.conf (mount)");
    assertThat(edges(m)).contains("compose:shop/web->compose:shop/api:8000/configured");
  }

  @Test
  void join_leavesAbsolutePathsAndNamedVolumesAlone_evenWhenTheRepositoryHasAFileOfThatName() throws IOException {
    // /srv/nginx.conf is a file of the Docker host; "nginx" is a named volume, not the folder nginx/.
    write("srv/nginx.conf", NGINX);
    write("nginx/nginx.conf", NGINX.replace("listen 80", "listen 8080"));
    write("docker-compose.yml", "name: shop\nservices:\n  web:\n    image: nginx:1.27\n    volumes:\n"
        + "      - /srv/nginx.conf:/etc/nginx/nginx.conf:ro\n      - nginx:/etc/nginx/conf.d\n"
        + "      - ~/nginx/nginx.conf:/etc/nginx/extra.conf\n" + API + "volumes:\n  nginx:\n");
    Model m = scan();

    assertThat(m.components()).extracting(Component::id).containsExactly(
        "compose:shop/api", "compose:shop/web", "config:nginx/nginx.conf", "config:srv/nginx.conf");
    assertThat(component(m, "compose:shop/web").attributes()).doesNotContainKey(RepoJoin.CONFIG_FILES);
    // Unjoined, the configs keep the name they could not resolve, as before.
    assertThat(component(m, "config:srv/nginx.conf").attribute("targets_not_read")).isEqualTo("api:8000");
    assertThat(edges(m)).noneMatch(e -> e.contains("config:"));
  }

  @Test
  void join_leavesAConfigNothingMountsAsItsOwnComponent() throws IOException {
    write("ops/nginx/status.conf", "server {\n  listen 8081;\n  location / { proxy_pass http://api:8000; }\n}\n");
    write("docker-compose.yml", "name: shop\nservices:\n" + API + "    volumes:\n      - .:/src:ro\n");
    Model m = scan();

    // The app mounts the whole repository, but it is no nginx: the nginx config is not its own.
    Component status = component(m, "config:ops/nginx/status.conf");
    assertThat(status.attribute("targets_not_read")).isEqualTo("api:8000");
    assertThat(component(m, "compose:shop/api").attributes()).doesNotContainKey(RepoJoin.CONFIG_FILES);
  }

  @Test
  void join_followsComposeConfigs_readFromAFileOfTheProject() throws IOException {
    write("app/nginx/site.conf", NGINX);
    write("app/compose.yaml", "name: shop\nservices:\n  web:\n    image: nginx:1.27\n    configs:\n"
        + "      - source: site\n        target: /etc/nginx/conf.d/site.conf\n" + API
        + "configs:\n  site:\n    file: ./nginx/site.conf\n  unused:\n    external: true\n");
    Model m = scan();

    Component web = component(m, "compose:shop/web");
    assertThat(web.attribute(RepoJoin.CONFIG_FILES)).isEqualTo("app/nginx/site.conf (mount)");
    assertThat(locators(web)).contains("app/compose.yaml:6", "app/nginx/site.conf:5");
    assertThat(edges(m)).containsExactly("compose:shop/web->compose:shop/api:8000/configured");
  }

  @Test
  void join_givesAFileTwoServicesMountEqually_toBoth() throws IOException {
    write("nginx/nginx.conf", NGINX);
    String edge = "    image: nginx:1.27\n    volumes:\n      - ./nginx/nginx.conf:/etc/nginx/nginx.conf:ro\n";
    write("docker-compose.yml", "name: shop\nservices:\n  edge-a:\n" + edge + "  edge-b:\n" + edge + API);
    Model m = scan();

    assertThat(m.components()).extracting(Component::id).containsExactly("compose:shop/api", "compose:shop/edge-a", "compose:shop/edge-b");
    for (String id : List.of("compose:shop/edge-a", "compose:shop/edge-b")) {
      assertThat(component(m, id).attribute(RepoJoin.CONFIG_FILES)).isEqualTo("nginx/nginx.conf (mount)");
      assertThat(edges(m)).contains(id + "->compose:shop/api:8000/configured");
    }
  }

  @Test
  void join_prefersTheServiceMountingTheFile_overOneMountingItsFolder_andFolderMountsOnlyJoinTheirTechnology() throws IOException {
    write("nginx/nginx.conf", NGINX);
    write("nginx/conf.d/extra.conf", "server {\n  listen 8443;\n}\n");
    write("docker-compose.yml", "name: shop\nservices:\n"
        + "  web:\n    image: nginx:1.27\n    volumes:\n      - ./nginx/nginx.conf:/etc/nginx/nginx.conf:ro\n"
        + "  web2:\n    image: nginx:1.27\n    volumes:\n      - type: bind\n        source: ./nginx\n        target: /etc/nginx\n"
        + API + "    volumes:\n      - ./nginx:/srv/nginx-copy\n");
    Model m = scan();

    assertThat(m.components()).extracting(Component::id).containsExactly("compose:shop/api", "compose:shop/web", "compose:shop/web2");
    assertThat(component(m, "compose:shop/web").attribute(RepoJoin.CONFIG_FILES)).isEqualTo("nginx/nginx.conf (mount)");
    assertThat(component(m, "compose:shop/web2").attribute(RepoJoin.CONFIG_FILES)).isEqualTo("nginx/conf.d/extra.conf (mount)");
    assertThat(component(m, "compose:shop/api").attributes()).doesNotContainKey(RepoJoin.CONFIG_FILES);
  }

  @Test
  void join_keepsTheDockerfileOfABuildAsTheImagesDefaults_andTheServiceOverridesWin() throws IOException {
    write("api/docker/Prod.Dockerfile", "FROM python:3.12-slim\nUSER app\nEXPOSE 8000\nCMD [\"gunicorn\", \"app:app\"]\n");
    write("api/Dockerfile", "FROM python:3.12-slim\nCMD [\"python\", \"dev.py\"]\n");
    write("docker-compose.yml", "name: shop\nservices:\n  api:\n    build:\n      context: ./api\n      dockerfile: docker/Prod.Dockerfile\n"
        + "    user: \"1000\"\n  worker:\n    build: ./api\n    command: celery -A app worker\n");
    Model m = scan();

    assertThat(m.components()).extracting(Component::id).containsExactly("compose:shop/api", "compose:shop/worker");
    Component api = component(m, "compose:shop/api");
    assertThat(api.attribute(RepoJoin.CONFIG_FILES)).isEqualTo("api/docker/Prod.Dockerfile (build)");
    assertThat(api.attribute("user")).isEqualTo("1000");
    assertThat(api.attribute("image.user")).isEqualTo("app");
    assertThat(api.attribute("image.base_image")).isEqualTo("python:3.12-slim");
    assertThat(locators(api)).contains("api/docker/Prod.Dockerfile:1", "api/docker/Prod.Dockerfile:2");
    Component worker = component(m, "compose:shop/worker");
    assertThat(worker.attribute(RepoJoin.CONFIG_FILES)).isEqualTo("api/Dockerfile (build)");
    assertThat(worker.attribute("command")).isEqualTo("celery -A app worker");
    assertThat(worker.attribute("image.cmd")).isEqualTo("[\"python\", \"dev.py\"]");
  }

  @Test
  void join_findsTheUpstreamByItsName_notByThePortTheDockerfileOfTwoServicesExposes() throws IOException {
    // Without the join, the config collector matches api:8000 to the only Dockerfile that EXPOSEs 8000.
    write("nginx/nginx.conf", NGINX);
    write("api/Dockerfile", "FROM python:3.12-slim\nEXPOSE 8000\n");
    write("docker-compose.yml", "name: shop\nservices:\n  web:\n    image: nginx:1.27\n    volumes:\n"
        + "      - ./nginx/nginx.conf:/etc/nginx/nginx.conf:ro\n  api:\n    build: ./api\n"
        + "  worker:\n    build: ./api\n    command: celery -A app worker\n");
    Model m = scan();

    assertThat(m.components()).extracting(Component::id).containsExactly("compose:shop/api", "compose:shop/web", "compose:shop/worker");
    assertThat(edges(m)).containsExactly("compose:shop/web->compose:shop/api:8000/configured");
  }

  @Test
  void join_resolvesScrapeTargetsByServiceNameAndAlias_andKeepsWhatNoServiceAnswersTo() throws IOException {
    write("monitoring/prometheus.yml", "scrape_configs:\n  - job_name: api\n    static_configs:\n      - targets: ['api:8000']\n"
        + "  - job_name: cache\n    static_configs:\n      - targets: ['redis:9121', 'pg-exporter:9187']\n");
    write("docker-compose.yml", "name: shop\nservices:\n  prometheus:\n    image: prom/prometheus:v2.54.1\n    volumes:\n"
        + "      - ./monitoring/prometheus.yml:/etc/prometheus/prometheus.yml:ro\n" + API
        + "  cache:\n    image: redis:7.2\n    networks:\n      default:\n        aliases: [redis]\n");
    Model m = scan();

    assertThat(edges(m)).containsExactly("compose:shop/prometheus->compose:shop/api:8000/configured",
        "compose:shop/prometheus->compose:shop/cache:9121/configured");
    Component prometheus = component(m, "compose:shop/prometheus");
    assertThat(prometheus.attribute("targets_not_read")).isEqualTo("pg-exporter:9187");
    assertThat(prometheus.attribute("scrape.cache")).isEqualTo("redis:9121, pg-exporter:9187");
  }
}
