package dev.infradoc.collect.host.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses socket tables from {@code ss -tuanp}, {@code netstat -tuanp} or /proc/net/{tcp,udp}[6]. */
public final class SocketTableParser {
  private static final Pattern SS_PID = Pattern.compile("pid=(\\d+)");
  private static final Pattern NETSTAT_PID = Pattern.compile("^(\\d+)/");
  private static final Pattern PROC_LINE =
      Pattern.compile("^/proc/net/(tcp6?|udp6?):\\s*\\d+:\\s+([0-9A-F]+):([0-9A-F]{4})\\s+([0-9A-F]+):([0-9A-F]{4})\\s+([0-9A-F]{2})\\b");

  private SocketTableParser() {}

  public static List<Socket> parse(List<String> lines) {
    if (!lines.isEmpty() && lines.get(0).startsWith("fallback=proc")) return parseProc(lines);
    boolean netstat = lines.stream().anyMatch(l -> l.startsWith("Proto "));
    List<Socket> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Socket s = netstat ? netstatRow(lines.get(i), i) : ssRow(lines.get(i), i);
      if (s != null) out.add(s);
    }
    return out;
  }

  private static Socket ssRow(String line, int index) {
    String[] f = line.strip().split("\\s+", 7);
    if (f.length < 6 || !(f[0].startsWith("tcp") || f[0].startsWith("udp"))) return null;
    Endpoint local = Endpoint.parse(f[4]);
    Endpoint peer = Endpoint.parse(f[5]);
    if (local == null || peer == null) return null;
    List<Integer> pids = new ArrayList<>();
    if (f.length == 7) {
      Matcher m = SS_PID.matcher(f[6]);
      while (m.find()) pids.add(Integer.parseInt(m.group(1)));
    }
    return new Socket(f[0], f[1], local.address, local.port, peer.address, peer.port,
        pids.stream().distinct().sorted().toList(), index);
  }

  private static Socket netstatRow(String line, int index) {
    String[] f = line.strip().split("\\s+");
    if (f.length < 5 || !(f[0].startsWith("tcp") || f[0].startsWith("udp"))) return null;
    Endpoint local = Endpoint.parse(f[3]);
    Endpoint peer = Endpoint.parse(f[4]);
    if (local == null || peer == null) return null;
    boolean udp = f[0].startsWith("udp");
    String state = udp ? (f.length > 5 && f[5].matches("[A-Z_]+") ? f[5] : "UNCONN") : (f.length > 5 ? f[5] : "");
    if (state.equals("LISTEN") || state.equals("ESTABLISHED") || udp) {
      String owner = f.length > (udp && state.equals("UNCONN") ? 5 : 6) ? f[udp && state.equals("UNCONN") ? 5 : 6] : "";
      Matcher m = NETSTAT_PID.matcher(owner);
      List<Integer> pids = m.find() ? List.of(Integer.parseInt(m.group(1))) : List.of();
      return new Socket(udp ? "udp" : "tcp", state.equals("ESTABLISHED") ? "ESTAB" : state,
          local.address, local.port, peer.address, peer.port, pids, index);
    }
    return null;
  }

  private static List<Socket> parseProc(List<String> lines) {
    List<Socket> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = PROC_LINE.matcher(lines.get(i));
      if (!m.find()) continue;
      String proto = m.group(1).startsWith("tcp") ? "tcp" : "udp";
      String st = m.group(6);
      String state = switch (st) {
        case "0A" -> "LISTEN";
        case "01" -> "ESTAB";
        case "07" -> proto.equals("udp") ? "UNCONN" : "CLOSE";
        default -> "OTHER";
      };
      out.add(new Socket(proto, state, hexAddress(m.group(2)), Integer.parseInt(m.group(3), 16),
          hexAddress(m.group(4)), Integer.parseInt(m.group(5), 16), List.of(), i));
    }
    return out;
  }

  /** /proc/net addresses are 32-bit words in host (little-endian) order. */
  static String hexAddress(String hex) {
    byte[] bytes = new byte[hex.length() / 2];
    for (int w = 0; w < bytes.length / 4; w++) {
      for (int b = 0; b < 4; b++) {
        int at = w * 8 + (3 - b) * 2;
        bytes[w * 4 + b] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
      }
    }
    try {
      java.net.InetAddress address = java.net.InetAddress.getByAddress(bytes);
      if (address instanceof java.net.Inet6Address) {
        boolean zero = true;
        for (int i = 0; i < 10; i++) zero &= bytes[i] == 0;
        if (zero && bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff) {
          return (bytes[12] & 0xff) + "." + (bytes[13] & 0xff) + "." + (bytes[14] & 0xff) + "." + (bytes[15] & 0xff);
        }
        String text = address.getHostAddress().replaceAll("(^|:)0(:0)+(:|$)", "::");
        return text.replaceFirst(":::", "::");
      }
      return address.getHostAddress();
    } catch (java.net.UnknownHostException e) {
      return hex;
    }
  }

  /** An address and port as ss and netstat print them: {@code [::ffff:1.2.3.4]:80}, {@code *:22}, {@code 127.0.0.53%lo:53}. */
  record Endpoint(String address, int port) {
    static Endpoint parse(String text) {
      int colon = text.lastIndexOf(':');
      if (colon < 0) return null;
      String host = text.substring(0, colon);
      String port = text.substring(colon + 1);
      int p = port.equals("*") ? 0 : port.matches("\\d+") ? Integer.parseInt(port) : -1;
      if (p < 0) return null;
      if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
      int percent = host.indexOf('%');
      if (percent >= 0) host = host.substring(0, percent);
      return new Endpoint(normalize(host), p);
    }

    static String normalize(String host) {
      String h = host.toLowerCase(Locale.ROOT);
      if (h.equals("*")) return "0.0.0.0";
      if (h.startsWith("::ffff:") && h.indexOf('.') > 0) return h.substring(7);
      return h;
    }
  }
}
