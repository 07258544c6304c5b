package dev.infradoc.collect.compose;

import dev.infradoc.model.Listen;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One entry of a service's {@code ports:}, short ({@code "127.0.0.1:8080:80/tcp"}) or long form.
 * An entry with a variable is kept as written and gives no listener, since its port is unknown.
 *
 * @param published the host port or range, "" when compose picks a random one
 */
record PortMapping(String hostIp, String published, String target, String protocol, String asWritten, boolean resolved) {
  /** Ranges wider than this are described but not expanded into listeners. */
  static final int MAX_EXPANDED = 100;

  static PortMapping parseShort(String text) {
    String s = text.strip();
    if (s.contains("$")) return new PortMapping("", "", "", "", s, false);
    String protocol = "tcp";
    int slash = s.lastIndexOf('/');
    if (slash >= 0) {
      protocol = s.substring(slash + 1).toLowerCase(Locale.ROOT);
      s = s.substring(0, slash);
    }
    String ip = "";
    if (s.startsWith("[")) {
      int close = s.indexOf(']');
      if (close > 0) {
        ip = s.substring(1, close);
        s = s.substring(close + 1).replaceFirst("^:", "");
      }
    }
    String[] parts = s.split(":");
    String published = "";
    String target;
    if (parts.length == 1) {
      target = parts[0];
    } else if (parts.length == 2) {
      published = parts[0];
      target = parts[1];
    } else {
      target = parts[parts.length - 1];
      published = parts[parts.length - 2];
      if (ip.isEmpty()) ip = String.join(":", java.util.Arrays.copyOf(parts, parts.length - 2));
    }
    return new PortMapping(ip, published, target, protocol, text.strip(), true);
  }

  static PortMapping parseLong(String target, String published, String hostIp, String protocol, String asWritten) {
    boolean resolved = !(target + published + hostIp + protocol).contains("$");
    return new PortMapping(hostIp, published, target, protocol.isEmpty() ? "tcp" : protocol.toLowerCase(Locale.ROOT),
        asWritten, resolved);
  }

  /** "0.0.0.0:8080->80/tcp (all interfaces)"; unresolved entries are shown as written. */
  String describe() {
    if (!resolved) return asWritten + " (unresolved variable)";
    String host = hostIp.isEmpty() ? "0.0.0.0" : (hostIp.contains(":") ? "[" + hostIp + "]" : hostIp);
    String pub = published.isEmpty() ? "(random port)" : published;
    return host + ":" + pub + "->" + target + "/" + protocol + (hostIp.isEmpty() ? " (all interfaces)" : "");
  }

  /** Host address and port(s) the mapping listens on; empty when the host port is not known. */
  List<Listen> listens() {
    List<Listen> out = new ArrayList<>();
    if (!resolved || published.isEmpty()) return out;
    String address = hostIp.isEmpty() ? "0.0.0.0" : hostIp;
    String[] range = published.split("-", 2);
    try {
      int from = Integer.parseInt(range[0].strip());
      int to = range.length == 2 ? Integer.parseInt(range[1].strip()) : from;
      if (from < 1 || to > 65535 || to < from || to - from >= MAX_EXPANDED) return out;
      for (int p = from; p <= to; p++) out.add(new Listen(address, p, protocol));
    } catch (NumberFormatException e) {
      return out;
    }
    return out;
  }
}
