package dev.infradoc.collect.inventory;

import dev.infradoc.collect.Target;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One host named by an inventory: what to connect to, the groups (tiers, environments) it is in,
 * its own key file if the inventory gives one, and where it was written ({@code hosts.ini:7}).
 * {@code unusable} says why it cannot be scanned (e.g. its address is an unevaluated template);
 * such a host is reported as failed and never contacted.
 */
public record InventoryHost(String name, Target target, List<String> groups, Optional<Path> identity,
    String at, String unusable) {

  public InventoryHost {
    groups = List.copyOf(new java.util.TreeSet<>(groups));
    unusable = unusable == null ? "" : unusable;
  }

  public boolean usable() {
    return unusable.isEmpty();
  }
}
