package dev.infradoc.collect.host;

import dev.infradoc.collect.host.parse.AddressParser.Address;
import dev.infradoc.collect.host.parse.FileLine;
import dev.infradoc.collect.host.parse.KeyValues;
import dev.infradoc.collect.host.parse.PackageParser.Installed;
import dev.infradoc.collect.host.parse.ProcessInfo;
import dev.infradoc.collect.host.parse.Socket;
import java.util.List;
import java.util.Map;

/** Everything the probe told about one host, parsed but not yet interpreted. */
public record HostFacts(
    String sourceId,
    String hostname,
    Map<String, KeyValues.Entry> meta,
    Map<String, KeyValues.Entry> host,
    Map<String, KeyValues.Entry> os,
    List<Address> addresses,
    List<ProcessInfo> processes,
    Map<Integer, String> cwd,
    Map<Integer, String> exe,
    Map<Integer, String> managers,
    List<Socket> sockets,
    Map<String, Installed> packages,
    List<FileLine> configLines,
    Map<String, KeyValues.Entry> cloud) {

  public String metaValue(String key) {
    return KeyValues.value(meta, key);
  }

  /** True when {@code address} is this host: loopback, a wildcard, or one of its interface addresses. */
  public boolean isLocal(String address) {
    if (address.startsWith("127.") || address.equals("::1") || address.equals("localhost")
        || address.equals("0.0.0.0") || address.equals("::") || address.equals(hostname)) {
      return true;
    }
    return addresses.stream().anyMatch(a -> a.ip().equals(address));
  }
}
