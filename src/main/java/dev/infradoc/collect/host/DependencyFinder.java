package dev.infradoc.collect.host;

import dev.infradoc.collect.host.parse.FileLine;
import dev.infradoc.collect.host.parse.NginxConfigParser;
import dev.infradoc.collect.host.parse.Socket;
import dev.infradoc.knowledge.EndpointHint;
import dev.infradoc.knowledge.Knowledge;
import dev.infradoc.knowledge.PortHint;
import dev.infradoc.model.Component;
import dev.infradoc.model.Dependency;
import dev.infradoc.model.Evidence;
import dev.infradoc.model.Listen;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds who talks to whom on a host: established connections (observed), proxy configurations and
 * connection strings in environments (configured). Peers that are not on this host become external
 * components.
 */
final class DependencyFinder {
  private static final Pattern URL = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*)://([^\\s'\"<>]+)");
  private static final Pattern NGINX_CONF_ARG = Pattern.compile("\\s-c\\s+(\\S+)");
  private static final Pattern HAPROXY_SERVER = Pattern.compile("^\\s*server\\s+\\S+\\s+([^\\s#]+)");
  private static final Pattern BUCKET_VAR = Pattern.compile("(?i).*(S3.*BUCKET|BUCKET.*S3).*");
  private static final Map<String, Integer> DEFAULT_PORTS = Map.ofEntries(
      Map.entry("postgres", 5432), Map.entry("postgresql", 5432), Map.entry("mysql", 3306),
      Map.entry("mariadb", 3306), Map.entry("redis", 6379), Map.entry("rediss", 6379),
      Map.entry("amqp", 5672), Map.entry("amqps", 5671), Map.entry("mongodb", 27017),
      Map.entry("http", 80), Map.entry("https", 443), Map.entry("memcached", 11211),
      Map.entry("nats", 4222), Map.entry("kafka", 9092));
  private static final int MAX_EVIDENCE_PER_EDGE = 3;

  private final HostFacts facts;
  private final ComponentAssembler.Result assembly;
  private final Knowledge knowledge;
  private final Map<String, Edge> edges = new TreeMap<>();
  private final Map<String, Component> externals = new TreeMap<>();

  /** An edge being collected, with how many connections or lines support it. */
  private static final class Edge {
    final String from;
    final String to;
    final int port;
    final String kind;
    final String protocol;
    final List<Evidence> evidence = new ArrayList<>();
    int count;

    Edge(String from, String to, int port, String kind, String protocol) {
      this.from = from;
      this.to = to;
      this.port = port;
      this.kind = kind;
      this.protocol = protocol;
    }
  }

  DependencyFinder(HostFacts facts, ComponentAssembler.Result assembly, Knowledge knowledge) {
    this.facts = facts;
    this.assembly = assembly;
    this.knowledge = knowledge;
  }

  List<Dependency> dependencies() {
    return edges.values().stream().map(e -> new Dependency(e.from, e.to, e.protocol, e.port, e.kind,
        e.evidence)).toList();
  }

  List<Component> externals() {
    return List.copyOf(externals.values());
  }

  void observed() {
    for (Socket s : facts.sockets()) {
      if (!s.established() || !s.protocol().startsWith("tcp")) continue;
      for (int pid : s.pids()) {
        Draft owner = assembly.byPid().get(pid);
        if (owner == null || listensOn(owner, s.localPort())) continue;
        Evidence ev = Evidence.of(facts.sourceId(), ProbeSection.SOCKETS.locator(s.line()),
            "ESTAB " + s.localAddress() + ":" + s.localPort() + " -> " + s.peerAddress() + ":" + s.peerPort());
        connect(owner, s.peerAddress(), s.peerPort(), Dependency.OBSERVED, ev);
        break;
      }
    }
  }

  void configuredByProxies(List<FileLine> configLines) {
    Optional<Draft> nginx = assembly.drafts().stream().filter(d -> d.signature.id().equals("nginx")).findFirst();
    if (nginx.isPresent()) {
      String confDir = nginxConfigDir(nginx.get());
      List<FileLine> lines = configLines.stream()
          .filter(l -> l.path().startsWith("/etc/nginx/") || (!confDir.isEmpty() && l.path().startsWith(confDir))).toList();
      NginxConfigParser.Config config = NginxConfigParser.parse(lines);
      for (NginxConfigParser.Pass pass : config.passes()) {
        // user:password@ in a proxy_pass URL is not part of the upstream's name (nor its id).
        String target = pass.target().replaceFirst("^[a-z]+://", "").replaceFirst("^[^@/]*@", "");
        target = target.replaceFirst("/.*$", "");
        List<String> servers = config.upstreamServers().getOrDefault(target, List.of(target));
        List<FileLine> at = config.upstreams().containsKey(target) ? config.upstreams().get(target) : List.of(pass.at());
        for (int i = 0; i < servers.size(); i++) {
          FileLine line = i < at.size() ? at.get(i) : pass.at();
          Evidence ev = Evidence.of(facts.sourceId(), line.locator(), line.text().strip());
          Evidence passEv = Evidence.of(facts.sourceId(), pass.at().locator(), pass.at().text().strip());
          proxyTarget(nginx.get(), servers.get(i), ev, passEv);
        }
      }
    }
    Optional<Draft> haproxy = assembly.drafts().stream().filter(d -> d.signature.id().equals("haproxy")).findFirst();
    haproxy.ifPresent(h -> configLines.stream().filter(l -> l.path().startsWith("/etc/haproxy/"))
        .forEach(l -> {
          Matcher m = HAPROXY_SERVER.matcher(l.text());
          if (m.find()) proxyTarget(h, m.group(1), Evidence.of(facts.sourceId(), l.locator(), l.text().strip()), null);
        }));
  }

  private void proxyTarget(Draft proxy, String server, Evidence ev, Evidence passEv) {
    if (server.startsWith("unix:")) {
      String path = server.substring("unix:".length());
      assembly.drafts().stream().filter(d -> d.attributes.getOrDefault("commandLine", "").contains(path))
          .findFirst().ifPresent(d -> add(proxy.id, d.id, 0, Dependency.CONFIGURED, "http", ev, passEv));
      return;
    }
    int colon = server.lastIndexOf(':');
    String host = colon > 0 ? server.substring(0, colon) : server;
    int port = colon > 0 && server.substring(colon + 1).matches("\\d+") ? Integer.parseInt(server.substring(colon + 1)) : 80;
    if (host.equals("localhost")) host = "127.0.0.1";
    if (facts.isLocal(host)) {
      Draft target = listener(host, port);
      if (target != null) add(proxy.id, target.id, port, Dependency.CONFIGURED, "http", ev, passEv);
    } else {
      Component ext = external(host, port, ev);
      add(proxy.id, ext.id(), port, Dependency.CONFIGURED, "http", ev, passEv);
    }
  }

  void configuredByEnvironment(List<EnvVar> env) {
    for (EnvVar v : env) {
      Draft owner = assembly.byPid().get(v.pid());
      if (owner == null) continue;
      Evidence ev = Evidence.of(facts.sourceId(), v.locator(), v.name() + "=" + v.value());
      if (BUCKET_VAR.matcher(v.name()).matches() && !v.value().isEmpty() && !v.value().contains("://")) {
        knowledge.endpoint("s3.amazonaws.com").ifPresent(hint -> {
          Component c = service(hint, "bucket", v.value(), ev);
          add(owner.id, c.id(), 0, Dependency.CONFIGURED, "https", ev, null);
        });
        continue;
      }
      // Markers contain a space; replace them so the URL around them still parses.
      Matcher m = URL.matcher(v.value().replaceAll("\\[redacted: [^\\]]*\\]", "redacted"));
      while (m.find()) {
        String scheme = m.group(1).toLowerCase();
        String authority = m.group(2).replaceFirst("[/?#].*$", "");
        authority = authority.substring(authority.lastIndexOf('@') + 1);
        String host = authority;
        int port = DEFAULT_PORTS.getOrDefault(scheme, 0);
        int colon = authority.lastIndexOf(':');
        if (colon > 0 && !authority.endsWith("]") && authority.substring(colon + 1).matches("\\d+")) {
          host = authority.substring(0, colon);
          port = Integer.parseInt(authority.substring(colon + 1));
        }
        host = host.replaceAll("^\\[|\\]$", "");
        if (host.isEmpty()) continue;
        String protocol = knowledge.scheme(scheme).map(String::toLowerCase).orElse(scheme);
        if (host.equals("localhost") || facts.isLocal(host)) {
          Draft target = listener(host.equals("localhost") ? "127.0.0.1" : host, port);
          if (target != null && target != owner) add(owner.id, target.id, port, Dependency.CONFIGURED, protocol, ev, null);
          continue;
        }
        Optional<EndpointHint> hint = knowledge.endpoint(host);
        Component target = hint.isPresent()
            ? service(hint.get(), "url", scheme + "://" + m.group(2), ev)
            : external(host, port, ev);
        add(owner.id, target.id(), port, Dependency.CONFIGURED, protocol, ev, null);
      }
    }
  }

  private void connect(Draft owner, String peer, int port, String kind, Evidence ev) {
    if (facts.isLocal(peer)) {
      Draft target = listener(peer, port);
      if (target != null && target != owner) add(owner.id, target.id, port, kind, protocolOf(port), ev, null);
      return;
    }
    Component ext = external(peer, port, ev);
    add(owner.id, ext.id(), port, kind, protocolOf(port), ev, null);
  }

  private String protocolOf(int port) {
    return knowledge.port(port).map(PortHint::protocol).orElse("tcp");
  }

  private void add(String from, String to, int port, String kind, String protocol, Evidence ev, Evidence extra) {
    Edge e = edges.computeIfAbsent(from + "|" + to + "|" + port + "|" + kind,
        k -> new Edge(from, to, port, kind, protocol));
    e.count++;
    if (e.evidence.size() < MAX_EVIDENCE_PER_EDGE && !e.evidence.contains(ev)) e.evidence.add(ev);
    if (extra != null && !e.evidence.contains(extra)) e.evidence.add(extra);
  }

  private Component external(String address, int port, Evidence ev) {
    Component c = Endpoints.address(address, port, knowledge, ev);
    return externals.merge(c.id(), c, DependencyFinder::withEvidence);
  }

  private Component service(EndpointHint hint, String key, String detail, Evidence ev) {
    Component c = Endpoints.service(hint, key, detail, ev);
    return externals.merge(c.id(), c, DependencyFinder::withEvidence);
  }

  private static Component withEvidence(Component a, Component b) {
    List<Evidence> all = new ArrayList<>(a.evidence());
    b.evidence().stream().filter(e -> !all.contains(e)).forEach(all::add);
    Map<String, String> attributes = new TreeMap<>(a.attributes());
    b.attributes().forEach((k, v) -> attributes.merge(k, v, (x, y) -> x.equals(y) || x.contains(y) ? x : x + ", " + y));
    return new Component(a.id(), a.name(), a.kind(), a.technology(), a.version(), a.host(), a.source(),
        a.instances(), a.runsAs(), a.managedBy(), a.listens(), attributes, Evidence.sorted(all));
  }

  private Draft listener(String address, int port) {
    Draft wildcard = null;
    for (Draft d : assembly.drafts()) {
      for (Listen l : d.listens) {
        if (l.port() != port || !l.protocol().startsWith("tcp")) continue;
        if (l.address().equals(address)) return d;
        if (l.address().equals("0.0.0.0") || l.address().equals("::")) wildcard = d;
      }
    }
    return wildcard;
  }

  private static boolean listensOn(Draft d, int port) {
    return d.listens.stream().anyMatch(l -> l.port() == port);
  }

  /** The folder of the file nginx was started with ({@code -c FILE}), or empty. */
  private static String nginxConfigDir(Draft nginx) {
    Matcher m = NGINX_CONF_ARG.matcher(nginx.attributes.getOrDefault("commandLine", ""));
    if (!m.find()) return "";
    String conf = m.group(1);
    return conf.contains("/") ? conf.substring(0, conf.lastIndexOf('/') + 1) : "";
  }


}
