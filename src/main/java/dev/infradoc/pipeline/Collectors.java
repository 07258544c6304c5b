package dev.infradoc.pipeline;

import dev.infradoc.collect.Collector;
import dev.infradoc.collect.actions.ActionsCollector;
import dev.infradoc.collect.compose.ComposeCollector;
import dev.infradoc.collect.kubernetes.KubernetesCollector;
import dev.infradoc.collect.host.HostCollector;
import dev.infradoc.collect.host.ssh.SshConnector;
import dev.infradoc.collect.terraform.TerraformCollector;
import java.util.List;

/** Every collector InfraDoc has, in the order they are asked whether they support a target. */
public final class Collectors {
  private Collectors() {}

  public static List<Collector> all() {
    return List.of(new HostCollector(SshConnector::open), new TerraformCollector(), new ComposeCollector(),
        new KubernetesCollector(), new ActionsCollector(), new dev.infradoc.collect.config.ConfigFilesCollector());
  }
}
