package dev.infradoc.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.infradoc.testing.MermaidCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scans a real three-host fleet through the launcher with an Ansible inventory: two web hosts
 * (nginx -> gunicorn -> PostgreSQL on the database host's address) and a database host, each a
 * network namespace with its own sshd and key, plus an inventory entry where nothing listens.
 */
class FleetScanIT {
  private static final int WEB1 = 61;   // src/test/stack/README.md lists the indexes in use
  private static final int WEB2 = 62;
  private static final int DB = 63;

  private static final List<TestHost> hosts = new ArrayList<>();
  private static TestHost db;
  private static TestHost web1;
  private static TestHost web2;
  private static Path work;
  private static TestHost.Run scan;
  private static JsonNode model;

  @BeforeAll
  static void scanFleet() throws Exception {
    db = add(TestHost.up("fleetdb", DB, List.of("--db"), Map.of()));
    Map<String, String> password = Map.of("STACK_DB_PASSWORD", db.postgresPassword());
    web1 = add(TestHost.up("fleetweb1", WEB1, List.of("--web", db.address()), password));
    web2 = add(TestHost.up("fleetweb2", WEB2, List.of("--web", db.address()), password));
    work = Files.createTempDirectory("infradoc-it-fleet");
    Path knownHosts = work.resolve("known_hosts");
    StringBuilder known = new StringBuilder();
    for (TestHost h : hosts) known.append(Files.readString(Path.of(h.knownHosts())));
    Files.writeString(knownHosts, known);
    // Each host has its own key, so the inventory must carry it per host.
    Files.writeString(work.resolve("hosts.ini"), """
        [web]
        web01 ansible_host=%s ansible_ssh_private_key_file=%s
        web02 ansible_host=%s ansible_ssh_private_key_file=%s

        [db]
        db01 ansible_host=%s ansible_ssh_private_key_file=%s
        # an entry where nothing listens: reported, while the others are still documented
        db02 ansible_host=%s ansible_port=2222 ansible_ssh_private_key_file=%s

        [production:children]
        web
        db

        [all:vars]
        ansible_user=root
        """.formatted(web1.address(), web1.sshKey(), web2.address(), web2.sshKey(), db.address(), db.sshKey(),
        db.address(), db.sshKey()));
    scan = TestHost.Run.of(List.of("./infradoc", "scan", "--no-store", "--inventory", work.resolve("hosts.ini").toString(),
        "--known-hosts", knownHosts.toString(), "--jobs", "4", "--out", work.resolve("out").toString()),
        Duration.ofSeconds(180));
    Path json = work.resolve("out/model.json");
    model = Files.exists(json) ? new ObjectMapper().readTree(json.toFile()) : null;
  }

  private static TestHost add(TestHost h) {
    hosts.add(h);
    return h;
  }

  @AfterAll
  static void takeDown() throws Exception {
    for (TestHost h : hosts) h.close();
    if (work != null) {
      try (Stream<Path> all = Files.walk(work)) {
        all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Test
  void scan_exitsOne_namesTheFailedHostWithItsReason_andDocumentsTheOthers() {
    assertThat(scan.exitCode()).as("exit code; stderr:%n%s", scan.stderr()).isEqualTo(1);
    assertThat(scan.stderr()).contains("db02: " + db.address() + ":2222: connection refused");
    assertThat(scan.stderr()).containsPattern("\\[\\d/4\\] web01: ok, \\d+ components");
    assertThat(model.path("hosts")).extracting(h -> h.path("hostname").asText())
        .containsExactly("fleetdb", "fleetweb1", "fleetweb2");
    assertThat(model.path("problems").toString()).contains("2222").contains("connection refused");
  }

  @Test
  void scan_putsInventoryGroupsOnHosts() {
    for (JsonNode h : model.path("hosts")) {
      List<String> groups = new ArrayList<>();
      h.path("groups").forEach(g -> groups.add(g.asText()));
      List<String> expected = h.path("hostname").asText().equals("fleetdb") ? List.of("db", "production")
          : List.of("production", "web");
      assertThat(groups).as(h.path("hostname").asText()).isEqualTo(expected);
    }
  }

  @Test
  void scan_stitchesEachWebAppToPostgresOnTheDatabaseHost_andDropsTheResolvedExternal() throws Exception {
    for (String web : List.of("fleetweb1", "fleetweb2")) {
      String app = componentId(web, "gunicorn");
      assertThat(edges(app, "host:fleetdb/postgres")).as(web + " app -> fleetdb postgres")
          .anySatisfy(e -> {
            assertThat(e.path("kind").asText()).isEqualTo("observed");
            assertThat(e.path("port").asInt()).isEqualTo(5432);
          });
    }
    assertThat(model.path("components").toString()).doesNotContain("external:" + db.address() + ":5432");
    // Cross-check on the database host itself: it really has two ESTABLISHED connections from each web host.
    String ss = db.ssh("ss -Htn state established '( sport = :5432 )'");
    assertThat(ss).contains(web1.address()).contains(web2.address());
  }

  @Test
  void scan_recognisesTheAppOnBothWebHostsAsOneServiceWithTwoInstances() {
    String s1 = component(componentId("fleetweb1", "gunicorn")).path("attributes").path("service").asText();
    String s2 = component(componentId("fleetweb2", "gunicorn")).path("attributes").path("service").asText();
    assertThat(s1).isNotEmpty().isEqualTo(s2);
    assertThat(component("host:fleetdb/postgres").path("attributes").path("service").isMissingNode()).isTrue();
  }

  @Test
  void documents_groupTheFleetByTier_linkEachHostPage_andCollapseTheIdenticalWebHosts() throws IOException {
    String arch = Files.readString(work.resolve("out/architecture.md"));
    assertThat(arch).contains("## Fleet").contains("[fleetweb1](hosts/fleetweb1.md)")
        .contains("[fleetdb](hosts/fleetdb.md)").contains("| web | fleetweb2 | production, web |");
    for (String h : List.of("fleetdb", "fleetweb1", "fleetweb2")) {
      assertThat(work.resolve("out/hosts/" + h + ".md")).content().contains("# Architecture: " + h)
          .contains("(../architecture.md)");
    }
    String diagrams = Files.readString(work.resolve("out/diagrams.md"));
    assertThat(diagrams).contains("## Fleet map").contains("fleetweb#91;1..2#93;<br/>2 hosts")
        .containsPattern("c\\d+ -->\\|\"postgresql 5432\"\\| c\\d+");
    MermaidCheck.assertRenders(work.resolve("out/diagrams.md"));
    MermaidCheck.assertRenders(work.resolve("out/hosts/fleetweb1.md"));
  }

  private static String componentId(String host, String contains) {
    for (JsonNode c : model.path("components")) {
      String id = c.path("id").asText();
      if (id.startsWith("host:" + host + "/") && id.contains(contains)) return id;
    }
    throw new AssertionError("no component with '" + contains + "' on " + host + " in " + model.path("components"));
  }

  private static JsonNode component(String id) {
    for (JsonNode c : model.path("components")) if (c.path("id").asText().equals(id)) return c;
    throw new AssertionError("no component " + id);
  }

  private static List<JsonNode> edges(String from, String to) {
    List<JsonNode> out = new ArrayList<>();
    model.path("dependencies").forEach(d -> {
      if (d.path("from").asText().equals(from) && d.path("to").asText().equals(to)) out.add(d);
    });
    return out;
  }
}
