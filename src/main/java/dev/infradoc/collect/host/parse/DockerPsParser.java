package dev.infradoc.collect.host.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses {@code docker ps --no-trunc --format '{{.ID}}\t{{.Image}}\t{{.Names}}\t{{.Ports}}\t{{.Status}}'}. */
public final class DockerPsParser {
  private static final Pattern PUBLISHED = Pattern.compile("(?:\\[?([0-9a-fA-F.:]+?)\\]?:)?(\\d+)->(\\d+)/(tcp|udp)");

  /** A port a container publishes on the host: host address and port, container port, protocol. */
  public record Published(String address, int hostPort, int containerPort, String protocol) {}

  /** One running container. */
  public record Container(String id, String image, String name, List<Published> ports, String status, int line) {
    public String shortId() {
      return id.length() > 12 ? id.substring(0, 12) : id;
    }
  }

  private DockerPsParser() {}

  public static List<Container> parse(List<String> lines) {
    List<Container> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String[] f = lines.get(i).split("\t", -1);
      if (f.length < 5 || !f[0].matches("[0-9a-f]{12,64}")) continue;
      List<Published> ports = new ArrayList<>();
      Matcher m = PUBLISHED.matcher(f[3]);
      while (m.find()) {
        String address = m.group(1) == null ? "0.0.0.0" : m.group(1);
        ports.add(new Published(address.equals("::") ? "::" : address, Integer.parseInt(m.group(2)),
            Integer.parseInt(m.group(3)), m.group(4)));
      }
      out.add(new Container(f[0], f[1], f[2], List.copyOf(ports), f[4], i));
    }
    return out;
  }
}
