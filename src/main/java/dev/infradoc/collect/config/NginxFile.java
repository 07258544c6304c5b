package dev.infradoc.collect.config;

import dev.infradoc.collect.host.parse.FileLine;
import dev.infradoc.collect.host.parse.NginxConfigParser;
import dev.infradoc.model.Component;
import dev.infradoc.model.ComponentKind;
import dev.infradoc.model.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An nginx configuration file in a repository: a web server with its listen ports and server names; proxy targets and upstream servers become configured edges. */
final class NginxFile {
  private static final Pattern TARGET = Pattern.compile("^(?:([a-z]+)://)?([^/]+)");

  private NginxFile() {}

  static Component read(ConfigText f, Endpoints endpoints, List<Pending> edges) {
    List<FileLine> lines = new ArrayList<>();
    for (int i = 0; i < f.lines.size(); i++) lines.add(new FileLine(f.path, i + 1, f.lines.get(i)));
    NginxConfigParser.Config cfg = NginxConfigParser.parse(lines);
    String id = "config:" + f.path;
    Map<String, String> attributes = new TreeMap<>();
    TreeSet<Evidence> evidence = new TreeSet<>();
    evidence.add(f.at(1));
    if (!cfg.listenValues().isEmpty()) attributes.put("listen", String.join(", ", cfg.listenValues()));
    if (!cfg.serverNames().isEmpty()) attributes.put("server_name", String.join(", ", cfg.serverNames()));
    if (!cfg.upstreams().isEmpty()) attributes.put("upstreams", String.join(", ", cfg.upstreams().keySet()));
    cfg.listens().forEach(l -> evidence.add(f.at(l.number())));
    for (String listen : cfg.listenValues()) {
      Matcher m = Pattern.compile("(\\d{1,5})$").matcher(listen);
      if (m.find()) endpoints.declare(Integer.parseInt(m.group(1)), id);
    }
    for (NginxConfigParser.Pass pass : cfg.passes()) {
      evidence.add(f.at(pass.at().number()));
      Matcher m = TARGET.matcher(pass.target());
      if (pass.target().startsWith("unix:") || pass.target().contains("$") || !m.find()) continue;
      String scheme = m.group(1) == null ? pass.directive().replace("_pass", "") : m.group(1);
      String address = m.group(2);
      int defaultPort = scheme.equals("https") ? 443 : scheme.equals("http") ? 80 : 0;
      List<String> servers = cfg.upstreamServers().get(address);
      if (servers != null) {
        // proxy_pass names an upstream block: each of its servers is a target.
        List<FileLine> at = cfg.upstreams().get(address);
        for (int i = 0; i < servers.size(); i++) {
          edges.add(Pending.of(id, servers.get(i), scheme, defaultPort, List.of(f.at(pass.at().number()), f.at(at.get(i).number()))));
        }
      } else {
        edges.add(Pending.of(id, address, scheme, defaultPort, List.of(f.at(pass.at().number()))));
      }
    }
    return new Component(id, "nginx " + f.path, ComponentKind.WEB_SERVER, "nginx", "", "", f.sourceId(), 1, "", "",
        List.of(), attributes, Evidence.sorted(evidence));
  }
}
