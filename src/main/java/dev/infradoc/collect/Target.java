package dev.infradoc.collect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What the user asked to scan, as written on the command line: {@code local}, {@code
 * ssh://[user@]host[:port]}, {@code [user@]host}, a {@code ~/.ssh/config} alias, or a path.
 */
public record Target(Kind kind, String raw, String user, String host, int port, Path path) {

  /** The kinds of target a collector may support. */
  public enum Kind {
    LOCAL, SSH, PATH
  }

  /** Port 0 means "not given": the SSH config or the default (22) decides. */
  public static Target parse(String raw) {
    String text = raw.trim();
    if (text.equals("local") || text.equals("localhost-local")) {
      return new Target(Kind.LOCAL, raw, "", "local", 0, null);
    }
    if (text.toLowerCase(Locale.ROOT).startsWith("ssh://")) {
      return ssh(raw, text.substring("ssh://".length()));
    }
    Path p = Path.of(text);
    if (text.startsWith("/") || text.startsWith(".") || text.contains("/") || Files.exists(p)) {
      return new Target(Kind.PATH, raw, "", "", 0, p);
    }
    return ssh(raw, text);
  }

  private static Target ssh(String raw, String rest) {
    String user = "";
    String hostPort = rest;
    int at = rest.lastIndexOf('@');
    if (at >= 0) {
      user = rest.substring(0, at);
      hostPort = rest.substring(at + 1);
    }
    if (hostPort.endsWith("/")) hostPort = hostPort.substring(0, hostPort.length() - 1);
    String host = hostPort;
    int port = 0;
    if (hostPort.startsWith("[")) {
      int close = hostPort.indexOf(']');
      if (close < 0) throw new IllegalArgumentException("'" + raw + "': missing ']' after an IPv6 address");
      host = hostPort.substring(1, close);
      String after = hostPort.substring(close + 1);
      if (after.startsWith(":")) port = parsePort(raw, after.substring(1));
    } else if (hostPort.indexOf(':') >= 0 && hostPort.indexOf(':') == hostPort.lastIndexOf(':')) {
      int colon = hostPort.indexOf(':');
      host = hostPort.substring(0, colon);
      port = parsePort(raw, hostPort.substring(colon + 1));
    }
    if (host.isEmpty() || !host.matches("[A-Za-z0-9._:%-]+")) {
      throw new IllegalArgumentException("'" + raw + "': '" + host + "' is not a host name or address");
    }
    return new Target(Kind.SSH, raw, user, host, port, null);
  }

  private static int parsePort(String raw, String text) {
    try {
      int port = Integer.parseInt(text);
      if (port < 1 || port > 65535) throw new NumberFormatException();
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + raw + "': port '" + text + "' is not a number from 1 to 65535");
    }
  }

  /** How the target is named in messages and source ids. */
  public String display() {
    return switch (kind) {
      case LOCAL -> "local";
      case PATH -> path.toString();
      case SSH -> (user.isEmpty() ? "" : user + "@") + host + (port == 0 ? "" : ":" + port);
    };
  }
}
