package dev.infradoc.collect.host;

import dev.infradoc.collect.host.parse.AddressParser;
import dev.infradoc.collect.host.parse.CgroupParser;
import dev.infradoc.collect.host.parse.FileLine;
import dev.infradoc.collect.host.parse.KeyValues;
import dev.infradoc.collect.host.parse.PackageParser;
import dev.infradoc.collect.host.parse.ProcLinksParser;
import dev.infradoc.collect.host.parse.ProcessTableParser;
import dev.infradoc.collect.host.parse.SocketTableParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns round-1 probe output into {@link HostFacts}. A pure function over text. */
final class FactsParser {
  private FactsParser() {}

  static HostFacts parse(String sourceId, ProbeOutput out) {
    Map<String, KeyValues.Entry> meta = KeyValues.parse(out.lines("meta"));
    Map<String, KeyValues.Entry> host = KeyValues.parse(out.lines("host"));
    String hostname = KeyValues.value(host, "hostname");
    List<FileLine> configs = new ArrayList<>(FileLine.parse(out.lines("webconfigs")));
    configs.addAll(FileLine.parse(out.lines("unitfiles")));
    configs.addAll(FileLine.parse(out.lines("sshd")));
    configs.addAll(FileLine.parse(out.lines("cron")));
    ProcLinksParser.Links links = ProcLinksParser.parse(out.lines("proclinks"));
    return new HostFacts(
        sourceId,
        hostname.isEmpty() ? "unknown-host" : hostname,
        meta,
        host,
        KeyValues.parse(out.lines("os")),
        AddressParser.parse(out.lines("addresses")),
        ProcessTableParser.parse(out.lines("processes")),
        links.cwd(),
        links.exe(),
        CgroupParser.parse(out.lines("cgroups")),
        SocketTableParser.parse(out.lines("sockets")),
        PackageParser.parse(out.lines("packages")),
        configs,
        KeyValues.parse(out.lines("cloud")));
  }
}
