package dev.infradoc.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.infradoc.model.Component;
import dev.infradoc.model.ComponentKind;
import dev.infradoc.model.Dependency;
import dev.infradoc.model.Evidence;
import dev.infradoc.model.Host;
import dev.infradoc.model.Listen;
import dev.infradoc.model.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FleetStitcherTest {
  private static final Evidence EV = Evidence.of("ssh://web01", "ss -tuanp#3", "ESTAB");

  private static Host host(String name, String... addresses) {
    List<String> a = new ArrayList<>(List.of("127.0.0.1/8 (lo)"));
    for (String s : addresses) a.add(s + "/24 (eth0)");
    return new Host("host:" + name, name, "Debian", "Linux", a, "", "", Map.of(), List.of(EV));
  }

  private static Component on(String host, String local, ComponentKind kind, String tech, Listen... listens) {
    return new Component("host:" + host + "/" + local, local, kind, tech, "", "host:" + host, "ssh://" + host, 1,
        "", "", List.of(listens), Map.of(), List.of(EV));
  }

  private static Component external(String address, int port) {
    return new Component("external:" + address + ":" + port, address + ":" + port, ComponentKind.EXTERNAL, "", "", "",
        "ssh://web01", 1, "", "", List.of(), Map.of("address", address, "port", String.valueOf(port)), List.of(EV));
  }

  private static Dependency dep(String from, String to, int port, String kind) {
    return new Dependency(from, to, "postgresql", port, kind, List.of(EV));
  }

  private static Model model(List<Host> hosts, List<Component> components, List<Dependency> deps) {
    return new Model(1, new Model.GeneratedBy("infradoc", "test"), "2026-01-01T00:00:00Z", List.of(), hosts,
        components, deps, List.of(), List.of(), List.of(), List.of());
  }

  @Test
  void stitch_redirectsEdgeToTheListenerOnTheHostWithThatAddress_andDropsTheResolvedExternal() {
    Model m = model(List.of(host("web01", "10.0.0.11"), host("db01", "10.0.0.12")),
        List.of(on("web01", "shop-gunicorn", ComponentKind.APPLICATION, "Gunicorn", new Listen("127.0.0.1", 8000, "tcp")),
            on("db01", "postgresql", ComponentKind.DATABASE, "PostgreSQL", new Listen("0.0.0.0", 5432, "tcp")),
            external("10.0.0.12", 5432), external("203.0.113.9", 443)),
        List.of(dep("host:web01/shop-gunicorn", "external:10.0.0.12:5432", 5432, Dependency.OBSERVED),
            dep("host:web01/shop-gunicorn", "external:10.0.0.12:5432", 5432, Dependency.CONFIGURED),
            dep("host:web01/shop-gunicorn", "external:203.0.113.9:443", 443, Dependency.OBSERVED)));
    Model out = FleetStitcher.stitch(m);
    assertThat(out.dependencies()).extracting(Dependency::key).containsExactly(
        "host:web01/shop-gunicorn->external:203.0.113.9:443:443/observed",
        "host:web01/shop-gunicorn->host:db01/postgresql:5432/configured",
        "host:web01/shop-gunicorn->host:db01/postgresql:5432/observed");
    assertThat(out.components()).extracting(Component::id).doesNotContain("external:10.0.0.12:5432")
        .contains("external:203.0.113.9:443");
    assertThat(out.dependencies().get(1).evidence()).containsExactly(EV);
  }

  @Test
  void stitch_leavesExternal_whenTheHostOnlyListensOnLoopbackOrAnotherPort() {
    Model m = model(List.of(host("web01", "10.0.0.11"), host("db01", "10.0.0.12")),
        List.of(on("web01", "app", ComponentKind.APPLICATION, "Python"),
            on("db01", "postgresql", ComponentKind.DATABASE, "PostgreSQL", new Listen("127.0.0.1", 5432, "tcp")),
            on("db01", "redis", ComponentKind.CACHE, "Redis", new Listen("10.0.0.12", 6379, "tcp")),
            external("10.0.0.12", 5432), external("10.0.0.12", 6380)),
        List.of(dep("host:web01/app", "external:10.0.0.12:5432", 5432, Dependency.OBSERVED),
            dep("host:web01/app", "external:10.0.0.12:6380", 6380, Dependency.OBSERVED)));
    Model out = FleetStitcher.stitch(m);
    assertThat(out.dependencies()).extracting(Dependency::to)
        .containsExactly("external:10.0.0.12:5432", "external:10.0.0.12:6380");
  }

  @Test
  void stitch_matchesByHostname_whenAConnectionStringNamesTheHost() {
    Model m = model(List.of(host("web01", "10.0.0.11"), host("db01", "10.0.0.12")),
        List.of(on("web01", "app", ComponentKind.APPLICATION, "Python"),
            on("db01", "postgresql", ComponentKind.DATABASE, "PostgreSQL", new Listen("10.0.0.12", 5432, "tcp")),
            external("db01", 5432)),
        List.of(dep("host:web01/app", "external:db01:5432", 5432, Dependency.CONFIGURED)));
    assertThat(FleetStitcher.stitch(m).dependencies()).extracting(Dependency::to).containsExactly("host:db01/postgresql");
  }

  @Test
  void stitch_ignoresAnAddressTwoHostsShare() {
    Model m = model(List.of(host("a", "172.17.0.1"), host("b", "172.17.0.1")),
        List.of(on("a", "app", ComponentKind.APPLICATION, "Python"),
            on("b", "postgresql", ComponentKind.DATABASE, "PostgreSQL", new Listen("0.0.0.0", 5432, "tcp")),
            external("172.17.0.1", 5432)),
        List.of(dep("host:a/app", "external:172.17.0.1:5432", 5432, Dependency.OBSERVED)));
    assertThat(FleetStitcher.stitch(m).dependencies()).extracting(Dependency::to).containsExactly("external:172.17.0.1:5432");
  }

  @Test
  void stitch_marksTheSameServiceOnSeveralHosts_butNotPlatformDaemonsOrLoneComponents() {
    Model m = model(List.of(host("web01", "10.0.0.11"), host("web02", "10.0.0.12"), host("db01", "10.0.0.13")),
        List.of(on("web01", "shop-gunicorn", ComponentKind.APPLICATION, "Gunicorn", new Listen("0.0.0.0", 8000, "tcp")),
            on("web02", "shop-gunicorn", ComponentKind.APPLICATION, "Gunicorn", new Listen("0.0.0.0", 8000, "tcp")),
            on("db01", "shop-gunicorn", ComponentKind.APPLICATION, "Gunicorn", new Listen("0.0.0.0", 9000, "tcp")),
            on("web01", "sshd", ComponentKind.SYSTEM, "OpenSSH", new Listen("0.0.0.0", 22, "tcp")),
            on("web02", "sshd", ComponentKind.SYSTEM, "OpenSSH", new Listen("0.0.0.0", 22, "tcp")),
            on("db01", "postgresql", ComponentKind.DATABASE, "PostgreSQL", new Listen("0.0.0.0", 5432, "tcp"))),
        List.of());
    Map<String, Component> out = FleetStitcher.stitch(m).componentsById();
    assertThat(out.get("host:web01/shop-gunicorn").attribute("service")).isEqualTo("shop-gunicorn");
    assertThat(out.get("host:web02/shop-gunicorn").attribute("service")).isEqualTo("shop-gunicorn");
    assertThat(out.get("host:db01/shop-gunicorn").attribute("service")).isEmpty();
    assertThat(out.get("host:web01/sshd").attribute("service")).isEmpty();
    assertThat(out.get("host:db01/postgresql").attribute("service")).isEmpty();
  }
}
