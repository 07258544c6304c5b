package dev.infradoc.collect.config;

import dev.infradoc.model.Evidence;
import java.util.List;

/** An edge a config file states, to an address not yet resolved to a component (see {@link Endpoints}). */
record Pending(String from, String host, int port, String protocol, List<Evidence> evidence) {
  /** host[:port] as written ("127.0.0.1:8000", "app:8000", "db.internal"); port 0 when none is written. */
  static Pending of(String from, String address, String protocol, int defaultPort, List<Evidence> evidence) {
    String a = address.strip();
    String host = a;
    int port = defaultPort;
    int colon = a.lastIndexOf(':');
    if (colon >= 0 && a.indexOf(']') < colon && a.substring(colon + 1).matches("\\d{1,5}")) {
      host = a.substring(0, colon);
      port = Integer.parseInt(a.substring(colon + 1));
    }
    return new Pending(from, host.toLowerCase(java.util.Locale.ROOT), port > 65535 ? 0 : port, protocol, evidence);
  }
}
