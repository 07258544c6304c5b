package dev.infradoc.collect.host.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsers of probe sections, on output as real tools print it. */
class ParsersTest {
  @Test
  void sockets_fromSs_readOwnersAndNormaliseAddresses() {
    List<Socket> s = SocketTableParser.parse(List.of(
        "Netid State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess",
        "tcp   LISTEN 0      511        0.0.0.0:80        0.0.0.0:*    users:((\"nginx\",pid=90,fd=6),(\"nginx\",pid=88,fd=6))",
        "tcp   ESTAB  0      0      127.0.0.1:44074  127.0.0.1:5432  users:((\"gunicorn\",pid=85,fd=7))",
        "tcp   LISTEN 0      128     [::ffff:10.0.0.5]:22      *:*",
        "udp   UNCONN 0      0      127.0.0.53%lo:53        0.0.0.0:*    users:((\"systemd-resolve\",pid=7,fd=13))"));
    assertThat(s).hasSize(4);
    assertThat(s.get(0).pids()).containsExactly(88, 90);
    assertThat(s.get(0).listening()).isTrue();
    assertThat(s.get(1).established()).isTrue();
    assertThat(s.get(1).peerPort()).isEqualTo(5432);
    assertThat(s.get(2).localAddress()).isEqualTo("10.0.0.5");
    assertThat(s.get(2).pids()).isEmpty();
    assertThat(s.get(3).localAddress()).isEqualTo("127.0.0.53");
    assertThat(s.get(3).listening()).isTrue();
  }

  @Test
  void sockets_fromNetstat() {
    List<Socket> s = SocketTableParser.parse(List.of(
        "Active Internet connections (servers and established)",
        "Proto Recv-Q Send-Q Local Address           Foreign Address         State       PID/Program name",
        "tcp        0      0 0.0.0.0:22              0.0.0.0:*               LISTEN      45/sshd: /usr/sbin",
        "tcp        0      0 127.0.0.1:44074         127.0.0.1:5432          ESTABLISHED 85/python3"));
    assertThat(s).hasSize(2);
    assertThat(s.get(0).pids()).containsExactly(45);
    assertThat(s.get(1).state()).isEqualTo("ESTAB");
    assertThat(s.get(1).pids()).containsExactly(85);
  }

  @Test
  void sockets_fromProcNet_decodeLittleEndianAddresses() {
    List<Socket> s = SocketTableParser.parse(List.of("fallback=proc",
        "/proc/net/tcp:   0: 0100007F:1538 00000000:0000 0A 00000000:00000000 00:00000000 00000000   110        0 1 1",
        "/proc/net/tcp6:   1: 00000000000000000000000001000000:0016 00000000000000000000000000000000:0000 0A 0"));
    assertThat(s.get(0).localAddress()).isEqualTo("127.0.0.1");
    assertThat(s.get(0).localPort()).isEqualTo(5432);
    assertThat(s.get(0).listening()).isTrue();
    assertThat(s.get(1).localAddress()).isEqualTo("::1");
    assertThat(s.get(1).localPort()).isEqualTo(22);
  }

  @Test
  void processes_skipZombiesAndKeepFullCommandLines() {
    List<ProcessInfo> p = ProcessTableParser.parse(List.of(
        "    1     0 root        140 /sbin/init",
        "   77     1 www-data    100 /usr/bin/python3 /usr/bin/gunicorn --workers 2 app:app",
        "   99     1 sshd          5 [sshd] <defunct>",
        "garbage"));
    assertThat(p).hasSize(2);
    assertThat(p.get(1).argv()).contains("--workers", "app:app");
    assertThat(p.get(1).user()).isEqualTo("www-data");
  }

  @Test
  void cgroups_giveSystemdUnitOrContainer() {
    var m = CgroupParser.parse(List.of(
        "/proc/10/cgroup:0::/system.slice/nginx.service",
        "/proc/11/cgroup:0::/system.slice/docker-3f2a9c8b7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a.scope",
        "/proc/12/cgroup:0::/user.slice/user-0.slice/session-3.scope"));
    assertThat(m).containsEntry(10, "systemd:nginx.service").containsEntry(11, "docker:3f2a9c8b7d6e").doesNotContainKey(12);
  }

  @Test
  void systemd_readsUnitsSeparatedByBlankLines() {
    var units = SystemdParser.parse(List.of("Id=nginx.service", "MainPID=88", "ActiveState=active", "SubState=running",
        "FragmentPath=/lib/systemd/system/nginx.service", "", "Id=shop.service", "MainPID=77", "ActiveState=active",
        "SubState=running", "FragmentPath=/etc/systemd/system/shop.service", "User=www-data"));
    assertThat(units).hasSize(2);
    assertThat(units.get(0).local()).isFalse();
    assertThat(units.get(1).local()).isTrue();
    assertThat(units.get(1).mainPid()).isEqualTo(77);
    assertThat(units.get(1).line()).isEqualTo(6);
  }

  @Test
  void dockerPs_readsPublishedPorts() {
    var c = DockerPsParser.parse(List.of(
        "3f2a9c8b7d6e5f4a\tpostgres:16.4\tshop-db-1\t0.0.0.0:5432->5432/tcp, :::5432->5432/tcp\tUp 2 hours",
        "aa11bb22cc33dd44\tredis:7\tshop-cache-1\t6379/tcp\tUp 2 hours"));
    assertThat(c).hasSize(2);
    assertThat(c.get(0).ports()).extracting(DockerPsParser.Published::hostPort).contains(5432);
    assertThat(c.get(0).ports().get(0).address()).isEqualTo("0.0.0.0");
    assertThat(c.get(1).ports()).isEmpty();
    assertThat(c.get(0).shortId()).isEqualTo("3f2a9c8b7d6e");
  }

  @Test
  void nginxConfig_findsUpstreamServersAndProxyPass() {
    var cfg = NginxConfigParser.parse(FileLine.parse(List.of(
        "/etc/nginx/conf.d/shop.conf:1:upstream app { server 127.0.0.1:8000; }",
        "/etc/nginx/conf.d/shop.conf:2:upstream api {",
        "/etc/nginx/conf.d/shop.conf:3:    server 10.0.0.7:9000 weight=2;",
        "/etc/nginx/conf.d/shop.conf:4:}",
        "/etc/nginx/conf.d/shop.conf:5:server { listen 80; server_name shop.example.com;",
        "/etc/nginx/conf.d/shop.conf:6:  location / { proxy_pass http://api; } # comment proxy_pass http://x;",
        "/etc/nginx/conf.d/shop.conf:7:}")));
    assertThat(cfg.upstreamServers().get("api")).containsExactly("10.0.0.7:9000");
    assertThat(cfg.upstreamServers().get("app")).containsExactly("127.0.0.1:8000");
    assertThat(cfg.serverNames()).containsExactly("shop.example.com");
    assertThat(cfg.passes()).extracting(NginxConfigParser.Pass::target).containsExactly("http://api");
  }
}
