package dev.infradoc.collect.repo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A host named in a configuration value: from a connection string ({@code
 * postgres://app:pw@db:5432/shop}) or, when the variable's name says it holds an address
 * ({@code REDIS_HOST}, {@code KAFKA_BROKERS}), from a bare {@code host[:port]} list. Values are
 * read as written; variables such as {@code ${DB_HOST}} are not resolved and name no host.
 *
 * @param scheme the URL scheme, or "" for a bare address
 * @param port the port written, or 0 when none was
 */
public record HostReference(String host, int port, String scheme) {
  private static final Pattern URL = Pattern.compile(
      "\\b([A-Za-z][A-Za-z0-9+.-]*)://(?:[^@/\\s,;]*@)?(\\[[0-9A-Fa-f:]+\\]|[^:/?#\\s,;@\\[\\]]+)(?::(\\d{1,5}))?");
  private static final Pattern ADDRESS_NAME = Pattern.compile(
      "(?i)(.*[_-])?(host|hostname|hosts|addr|address|server|servers|broker|brokers|bootstrap[_-]servers|endpoint|nodes)");
  private static final Pattern HOST_PORT = Pattern.compile("([A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)(?::(\\d{1,5}))?");

  /** Every host a value names. {@code name} is the variable's name (may be ""). */
  public static List<HostReference> find(String name, String value) {
    List<HostReference> out = new ArrayList<>();
    if (value == null || value.isEmpty()) return out;
    Matcher m = URL.matcher(value);
    while (m.find()) {
      String host = m.group(2);
      if (host.contains("$") || host.contains("{")) continue;
      out.add(new HostReference(host.toLowerCase(Locale.ROOT), port(m.group(3)), m.group(1).toLowerCase(Locale.ROOT)));
    }
    if (out.isEmpty() && name != null && ADDRESS_NAME.matcher(name).matches()) {
      for (String part : value.split("[,\\s]+")) {
        Matcher hp = HOST_PORT.matcher(part.strip());
        if (hp.matches()) out.add(new HostReference(hp.group(1).toLowerCase(Locale.ROOT), port(hp.group(2)), ""));
      }
    }
    return out;
  }

  private static int port(String s) {
    if (s == null) return 0;
    int p = Integer.parseInt(s);
    return p >= 1 && p <= 65535 ? p : 0;
  }
}
