package dev.infradoc.collect.host.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what matters for a map out of nginx configuration lines: listen ports, server names,
 * proxy targets ({@code proxy_pass}, {@code fastcgi_pass}, {@code uwsgi_pass}, {@code grpc_pass})
 * and {@code upstream} blocks with their servers, each with the line it came from.
 */
public final class NginxConfigParser {
  private static final Pattern UPSTREAM = Pattern.compile("^\\s*upstream\\s+([A-Za-z0-9_.-]+)\\s*\\{");
  private static final Pattern SERVER = Pattern.compile("^\\s*server\\s+([^;\\s{]+)[^;{]*;");
  // Lines arrive redacted: a URL's password is "[redacted: password]", spaces and all, and still one argument.
  private static final Pattern PASS =
      Pattern.compile("^\\s*(proxy_pass|fastcgi_pass|uwsgi_pass|grpc_pass|scgi_pass)\\s+((?:\\[redacted: [^\\]]*\\]|[^;\\s])+)\\s*;");
  private static final Pattern LISTEN = Pattern.compile("^\\s*listen\\s+([^;\\s]+)[^;]*;");
  private static final Pattern SERVER_NAME = Pattern.compile("^\\s*server_name\\s+([^;]+);");
  private static final Pattern INCLUDE = Pattern.compile("^\\s*include\\s+([^;\\s]+)\\s*;");

  /** A proxy directive: its target as written, and where it was. */
  public record Pass(String directive, String target, FileLine at) {}

  /** What the configuration declares. */
  public record Config(Map<String, List<FileLine>> upstreams, Map<String, List<String>> upstreamServers,
      List<Pass> passes, List<FileLine> listens, List<String> listenValues, List<String> serverNames,
      List<String> includes) {}

  private NginxConfigParser() {}

  public static Config parse(List<FileLine> lines) {
    Map<String, List<FileLine>> upstreams = new LinkedHashMap<>();
    Map<String, List<String>> servers = new LinkedHashMap<>();
    List<Pass> passes = new ArrayList<>();
    List<FileLine> listens = new ArrayList<>();
    List<String> listenValues = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<String> includes = new ArrayList<>();
    String upstream = null;
    int depth = 0;
    int upstreamDepth = -1;
    for (FileLine line : lines) {
      // Statements end at ';', blocks open at '{' and close at '}', wherever they are on the line.
      StringBuilder statement = new StringBuilder();
      for (char c : stripComment(line.text()).toCharArray()) {
        if (c != ';' && c != '{' && c != '}') {
          statement.append(c);
          continue;
        }
        String st = statement.toString().strip();
        statement.setLength(0);
        Matcher m;
        if (c == '{') {
          if ((m = UPSTREAM.matcher(st + " {")).find()) {
            upstream = m.group(1);
            upstreamDepth = depth;
            upstreams.put(upstream, new ArrayList<>());
            servers.put(upstream, new ArrayList<>());
          }
          depth++;
        } else if (c == '}') {
          depth--;
          if (upstream != null && depth == upstreamDepth) upstream = null;
        } else if (upstream != null && (m = SERVER.matcher(st + ";")).find()) {
          upstreams.get(upstream).add(line);
          servers.get(upstream).add(m.group(1));
        } else if ((m = PASS.matcher(st + ";")).find()) {
          passes.add(new Pass(m.group(1), m.group(2), line));
        } else if ((m = LISTEN.matcher(st + ";")).find()) {
          listens.add(line);
          listenValues.add(m.group(1));
        } else if ((m = SERVER_NAME.matcher(st + ";")).find()) {
          for (String n : m.group(1).trim().split("\\s+")) if (!names.contains(n)) names.add(n);
        } else if ((m = INCLUDE.matcher(st + ";")).find()) {
          includes.add(m.group(1));
        }
      }
    }
    return new Config(upstreams, servers, passes, listens, listenValues, names, includes);
  }

  private static String stripComment(String text) {
    int hash = text.indexOf('#');
    return hash >= 0 ? text.substring(0, hash) : text;
  }
}
