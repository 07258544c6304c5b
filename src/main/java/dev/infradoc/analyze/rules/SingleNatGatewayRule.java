package dev.infradoc.analyze.rules;

import dev.infradoc.analyze.BaseRule;
import dev.infradoc.analyze.ModelIndex;
import dev.infradoc.model.Component;
import dev.infradoc.model.Finding;
import dev.infradoc.model.Severity;
import dev.infradoc.model.Zone;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** One NAT gateway carries the outbound traffic of private subnets in several availability zones. */
public final class SingleNatGatewayRule extends BaseRule {
  public SingleNatGatewayRule() {
    super("availability.nat.single-gateway", Severity.MEDIUM, "One NAT gateway serves private subnets in several availability zones");
  }

  @Override
  public List<Finding> check(ModelIndex index) {
    List<Finding> out = new ArrayList<>();
    for (Component nat : index.ofType("aws_nat_gateway")) {
      String address = nat.attribute("terraform.address");
      List<Zone> subnets = index.model().zones().stream()
          .filter(z -> z.attributes().getOrDefault("tier", "").equals("private") && z.attributes().getOrDefault("tier.basis", "").endsWith("routes to " + address)).toList();
      TreeSet<String> azs = new TreeSet<>();
      subnets.forEach(z -> azs.add(z.attributes().getOrDefault("availability_zone", "?")));
      if (subnets.size() < 2 || azs.size() < 2) continue;
      List<String> names = subnets.stream().map(Zone::name).toList();
      out.add(finding(nat.id(), "One NAT gateway serves " + subnets.size() + " private subnets in " + azs.size() + " zones",
          nat.name() + " (in " + nat.attribute("zones") + ") is the only route out for " + String.join(", ", names)
              + " across " + String.join(", ", azs) + ": if its zone fails, every private subnet loses outbound access (package installs, AWS APIs without endpoints, third-party calls).",
          List.of(nat.id()), declaration(nat),
          "Create one NAT gateway per availability zone and give each zone's private subnets a route table pointing at their own zone's gateway."));
    }
    return out;
  }
}
