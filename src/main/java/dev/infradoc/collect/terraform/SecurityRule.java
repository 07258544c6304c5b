package dev.infradoc.collect.terraform;

import dev.infradoc.model.Evidence;
import java.util.List;
import java.util.Set;

/**
 * One security group rule: direction, protocol, ports, and the peers it allows (CIDRs as written,
 * security groups by id, or the group itself). {@code groups} are the groups the rule belongs to.
 */
record SecurityRule(String direction, String protocol, String fromPort, String toPort,
    List<String> cidrs, Set<String> peers, boolean self, Set<String> groups, String description,
    Evidence at) {

  /** "tcp 443 from 0.0.0.0/0" or "all to 0.0.0.0/0". */
  String summary(java.util.function.Function<String, String> name) {
    StringBuilder sb = new StringBuilder(protocol);
    String ports = ports();
    if (!ports.isEmpty()) sb.append(' ').append(ports);
    sb.append(direction.equals("egress") ? " to " : " from ");
    List<String> who = new java.util.ArrayList<>(cidrs);
    peers.forEach(p -> who.add(name.apply(p)));
    if (self) who.add("self");
    sb.append(who.isEmpty() ? "(no peer written)" : String.join(", ", who));
    if (!description.isEmpty()) sb.append(" (").append(description).append(')');
    return sb.toString();
  }

  String ports() {
    if (protocol.equals("all") && (fromPort.equals("0") || fromPort.isEmpty())) return "";
    if (fromPort.isEmpty()) return toPort;
    if (toPort.isEmpty() || toPort.equals(fromPort)) return fromPort;
    return fromPort + "-" + toPort;
  }

  /** The single port the rule allows, or 0 for a range or an unknown port. */
  int port() {
    try {
      return fromPort.equals(toPort) || toPort.isEmpty() ? Integer.parseInt(fromPort) : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
