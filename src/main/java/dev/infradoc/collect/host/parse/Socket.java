package dev.infradoc.collect.host.parse;

import java.util.List;

/** One socket from ss, netstat or /proc/net: local and peer endpoints, state, and owning pids when known. */
public record Socket(
    String protocol,
    String state,
    String localAddress,
    int localPort,
    String peerAddress,
    int peerPort,
    List<Integer> pids,
    int line) {

  public boolean listening() {
    return state.equals("LISTEN") || (protocol.startsWith("udp") && state.equals("UNCONN") && peerPort == 0);
  }

  public boolean established() {
    return state.equals("ESTAB") || state.equals("ESTABLISHED");
  }
}
