package dev.infradoc.analyze.rules;

import dev.infradoc.analyze.RuleData;
import dev.infradoc.model.Component;

/** What makes a Compose port or Kubernetes Service reachable from other machines. */
final class ExposedService {
  private ExposedService() {}

  static boolean allInterfaces(String address) {
    return address.equals("0.0.0.0") || address.equals("::") || address.equals("[::]") || address.isEmpty();
  }

  /** A LoadBalancer (not internal) or NodePort Service whose source ranges, if any, include the whole internet. */
  static boolean outsideCluster(Component svc) {
    String type = svc.attribute("type");
    if (!type.equals("LoadBalancer") && !type.equals("NodePort")) return false;
    if (svc.attribute("exposure").equals("internal load balancer")) return false;
    String ranges = svc.attribute("loadBalancerSourceRanges");
    return ranges.isEmpty() || RuleData.get().worldCidrs().stream().anyMatch(ranges::contains);
  }
}
