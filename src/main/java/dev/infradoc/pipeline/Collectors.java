package dev.infradoc.pipeline;

import dev.infradoc.collect.Collector;
import dev.infradoc.collect.host.HostCollector;
import dev.infradoc.collect.host.ssh.SshConnector;
import java.util.List;

/** Every collector InfraDoc has, in the order they are asked whether they support a target. */
public final class Collectors {
  private Collectors() {}

  public static List<Collector> all() {
    return List.of(new HostCollector(SshConnector::open));
  }
}
