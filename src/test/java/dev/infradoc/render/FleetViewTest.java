package dev.infradoc.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.infradoc.model.Component;
import dev.infradoc.model.ComponentKind;
import dev.infradoc.model.Dependency;
import dev.infradoc.model.Evidence;
import dev.infradoc.model.Host;
import dev.infradoc.model.Listen;
import dev.infradoc.model.Model;
import dev.infradoc.render.mermaid.FleetMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FleetViewTest {
  private static final Evidence EV = Evidence.of("s", "ss -tuanp#1", "");

  @Test
  void collapse_writesNumberedHostsAsRanges_keepingPaddingAndGaps() {
    assertThat(HostRanges.collapse(List.of("web03", "web01", "web02"))).isEqualTo("web[01..03]");
    assertThat(HostRanges.collapse(List.of("web01", "web02", "web07", "web09", "web10"))).isEqualTo("web[01..02,07,09..10]");
    assertThat(HostRanges.collapse(List.of("db1.prod", "db2.prod"))).isEqualTo("db[1..2].prod");
    assertThat(HostRanges.collapse(List.of("alpha", "beta"))).isEqualTo("alpha, beta");
    assertThat(HostRanges.collapse(List.of("a", "b", "c", "d", "e"))).isEqualTo("a, b, c and 2 more");
    assertThat(HostRanges.collapse(List.of("web1", "db1"))).isEqualTo("db1, web1");
  }

  /** 200 web hosts, 4 databases (one different) and 2 unrelated hosts: a map of 4 classes, not 206 boxes. */
  static Model fleet(int webs) {
    List<Host> hosts = new ArrayList<>();
    List<Component> components = new ArrayList<>();
    List<Dependency> deps = new ArrayList<>();
    for (int i = 1; i <= webs; i++) {
      String name = String.format("web%03d", i);
      hosts.add(host(name, List.of("production", "web")));
      components.add(component(name, "shop-gunicorn", ComponentKind.APPLICATION, "Gunicorn", 8000));
      components.add(component(name, "sshd", ComponentKind.SYSTEM, "OpenSSH", 22));
      deps.add(new Dependency("host:" + name + "/shop-gunicorn", "host:db01/postgresql", "postgresql", 5432,
          Dependency.OBSERVED, List.of(EV)));
    }
    for (int i = 1; i <= 4; i++) {
      String name = "db0" + i;
      hosts.add(host(name, List.of("db", "production")));
      components.add(component(name, "postgresql", ComponentKind.DATABASE, "PostgreSQL", 5432));
      if (i == 4) components.add(component(name, "redis", ComponentKind.CACHE, "Redis", 6379));
    }
    hosts.add(host("ci", List.of()));
    hosts.add(host("monitor", List.of()));
    return new Model(1, new Model.GeneratedBy("infradoc", "test"), "2026-01-01T00:00:00Z", List.of(), hosts,
        components, deps, List.of(), List.of(), List.of(), List.of());
  }

  private static Host host(String name, List<String> groups) {
    return new Host("host:" + name, name, "Debian", "Linux", List.of("10.0.0.1/24 (eth0)"), "", "", Map.of(),
        List.of(EV), groups);
  }

  private static Component component(String host, String local, ComponentKind kind, String tech, int port) {
    return new Component("host:" + host + "/" + local, local, kind, tech, "", "host:" + host, "s", 1, "", "",
        List.of(new Listen("0.0.0.0", port, "tcp")), Map.of(), List.of(EV));
  }

  @Test
  void fleetView_putsEachHostInItsMostSpecificGroup_andCollapsesIdenticalHosts() {
    FleetView view = new FleetView(fleet(200));
    assertThat(view.tiers()).containsOnlyKeys("db", "web", FleetView.UNGROUPED);
    assertThat(view.tiers().get("web")).singleElement().satisfies(c -> {
      assertThat(c.name()).isEqualTo("web[001..200]");
      assertThat(c.hosts()).hasSize(200);
      assertThat(c.services()).containsExactly("shop-gunicorn");
    });
    assertThat(view.tiers().get("db")).extracting(FleetView.HostClass::name).containsExactly("db[01..03]", "db04");
    assertThat(view.tiers().get(FleetView.UNGROUPED)).extracting(FleetView.HostClass::name).containsExactly("ci, monitor");
    assertThat(view.links()).singleElement().satisfies(l -> {
      assertThat(l.labels()).containsExactly("postgresql 5432");
      assertThat(l.observed()).isTrue();
    });
  }

  @Test
  void fleetMap_hasOneBoxPerClassAndOneArrowPerPair_at200Hosts() {
    Model m = fleet(200);
    String map = new FleetMap(m, new FleetView(m)).render();
    assertThat(map.lines().filter(l -> l.contains("hosts<br/>") || l.contains("1 host<br/>"))).hasSize(4);
    assertThat(map.lines().filter(l -> l.contains("-->"))).hasSize(1);
    assertThat(map).contains("web#91;001..200#93;<br/>200 hosts");
  }
}
