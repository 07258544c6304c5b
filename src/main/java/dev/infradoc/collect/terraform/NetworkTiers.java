package dev.infradoc.collect.terraform;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The tier of each subnet (public, private, data) and why: a route table that sends traffic to an
 * internet gateway, {@code map_public_ip_on_launch}, a route to a NAT gateway, or the subnet's name.
 */
final class NetworkTiers {
  private NetworkTiers() {}

  /** A subnet's tier and the reason, for people. */
  record Tier(String tier, String basis) {}

  static Map<String, Tier> of(List<ResourceRecord> records) {
    Map<String, ResourceRecord> byId = new HashMap<>();
    records.forEach(r -> byId.put(r.id, r));
    // route table id -> ids of the gateways its routes send traffic to
    Map<String, Set<String>> routesTo = new TreeMap<>();
    for (ResourceRecord r : records) {
      if (r.type.equals("aws_route_table")) {
        routesTo.computeIfAbsent(r.id, k -> new TreeSet<>()).addAll(r.refsEndingWith("gateway_id"));
      } else if (r.type.equals("aws_route")) {
        for (String table : r.refsAt("route_table_id")) {
          routesTo.computeIfAbsent(table, k -> new TreeSet<>()).addAll(r.refsEndingWith("gateway_id"));
        }
      }
    }
    Map<String, Set<String>> tablesOf = new TreeMap<>();
    for (ResourceRecord r : records) {
      if (!r.type.equals("aws_route_table_association")) continue;
      for (String subnet : r.refsAt("subnet_id")) {
        tablesOf.computeIfAbsent(subnet, k -> new TreeSet<>()).addAll(r.refsAt("route_table_id"));
      }
    }
    Map<String, Tier> out = new TreeMap<>();
    for (ResourceRecord r : records) {
      if (!r.info.zone().equals("subnet")) continue;
      Tier t = tier(r, tablesOf.getOrDefault(r.id, Set.of()), routesTo, byId);
      if (t != null) out.put(r.id, t);
    }
    return out;
  }

  private static Tier tier(ResourceRecord subnet, Set<String> tables, Map<String, Set<String>> routesTo,
      Map<String, ResourceRecord> byId) {
    String igwVia = null;
    String natVia = null;
    for (String table : tables) {
      for (String gw : routesTo.getOrDefault(table, Set.of())) {
        ResourceRecord g = byId.get(gw);
        if (g == null) continue;
        if (g.type.equals("aws_internet_gateway") && igwVia == null) igwVia = address(table, byId) + " routes to " + g.address;
        if (g.type.equals("aws_nat_gateway") && natVia == null) natVia = address(table, byId) + " routes to " + g.address;
      }
    }
    if (igwVia != null) return new Tier("public", "route table " + igwVia);
    if (subnet.attributes.getOrDefault("map_public_ip_on_launch", "").equals("true")) {
      return new Tier("public", "map_public_ip_on_launch = true");
    }
    String name = (subnet.address + " " + subnet.attributes.getOrDefault("tags.Name", "")).toLowerCase(Locale.ROOT);
    if (name.matches(".*\\b(data|db|database|isolated)\\b.*|.*[._-](data|db|database|isolated)([._\\[ -].*|$)")) {
      return new Tier("data", "name " + names(subnet));
    }
    if (natVia != null) return new Tier("private", "route table " + natVia);
    if (name.matches(".*(public).*")) return new Tier("public", "name " + names(subnet));
    if (name.matches(".*(private|internal).*")) return new Tier("private", "name " + names(subnet));
    if (!tables.isEmpty()) {
      return new Tier("private", "route table " + address(tables.iterator().next(), byId) + " has no route to an internet or NAT gateway");
    }
    return null;
  }

  private static String names(ResourceRecord subnet) {
    String tag = subnet.attributes.getOrDefault("tags.Name", "");
    return subnet.address + (tag.isEmpty() ? "" : " (Name " + tag + ")");
  }

  private static String address(String id, Map<String, ResourceRecord> byId) {
    ResourceRecord r = byId.get(id);
    return r == null ? id : r.address;
  }
}
