package dev.infradoc.collect.host;

import dev.infradoc.collect.host.parse.AddressParser.Address;
import dev.infradoc.collect.host.parse.KeyValues;
import dev.infradoc.model.Evidence;
import dev.infradoc.model.Host;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The host record: name, OS, kernel, addresses, CPU, memory and cloud placement, each with evidence. */
final class HostDescriber {
  private HostDescriber() {}

  static Host describe(HostFacts f) {
    List<Evidence> evidence = new ArrayList<>();
    String os = KeyValues.value(f.os(), "PRETTY_NAME");
    if (!os.isEmpty()) evidence.add(ev(f, ProbeSection.OS, f.os().get("PRETTY_NAME"), "PRETTY_NAME=" + os));
    String kernel = KeyValues.value(f.host(), "kernel");
    if (!kernel.isEmpty()) evidence.add(ev(f, ProbeSection.HOST, f.host().get("kernel"), "kernel=" + kernel));
    String cpus = KeyValues.value(f.host(), "cpus");
    String model = KeyValues.value(f.host(), "cpu_model");
    String cpu = cpus.isEmpty() ? "" : cpus + " × " + (model.isEmpty() ? "CPU" : model);
    if (!cpu.isEmpty()) evidence.add(ev(f, ProbeSection.HOST, f.host().get("cpus"), "cpus=" + cpus));
    String memory = memory(KeyValues.value(f.host(), "MemTotal"));
    if (!memory.isEmpty()) evidence.add(ev(f, ProbeSection.HOST, f.host().get("MemTotal"), "MemTotal: " + KeyValues.value(f.host(), "MemTotal")));
    List<String> addresses = new ArrayList<>();
    for (Address a : f.addresses()) {
      if (a.loopback() || a.linkLocal()) continue;
      addresses.add(a.cidr() + " (" + a.iface() + ")");
      evidence.add(Evidence.of(f.sourceId(), ProbeSection.ADDRESSES.locator(a.line()), a.iface() + " " + a.cidr()));
    }
    Map<String, String> cloud = new TreeMap<>();
    f.cloud().forEach((k, v) -> {
      if ((k.startsWith("aws.") || k.startsWith("gcp.")) && !v.value().isEmpty() && !v.value().contains("<")) {
        cloud.put(k, v.value());
      }
    });
    return new Host("host:" + f.hostname(), f.hostname(), os, kernel, addresses, cpu, memory, cloud, evidence);
  }

  private static Evidence ev(HostFacts f, ProbeSection section, KeyValues.Entry entry, String excerpt) {
    return Evidence.of(f.sourceId(), section.locator(entry.line()), excerpt);
  }

  /** "24684084 kB" -> "23.5 GiB". */
  static String memory(String meminfo) {
    String digits = meminfo.replaceAll("[^0-9]", "");
    if (digits.isEmpty()) return "";
    double gib = Long.parseLong(digits) / 1024.0 / 1024.0;
    return String.format(Locale.ROOT, "%.1f GiB", gib);
  }
}
