package dev.infradoc.analyze.rules;

import dev.infradoc.analyze.BaseRule;
import dev.infradoc.analyze.ModelIndex;
import dev.infradoc.model.Component;
import dev.infradoc.model.Finding;
import dev.infradoc.model.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * Health checks that cannot see the application: a target group with health checks turned off, or an
 * auto scaling group behind a load balancer that replaces instances only on EC2 status checks.
 */
public final class HealthCheckRule extends BaseRule {
  public HealthCheckRule() {
    super("availability.health-check.missing", Severity.MEDIUM, "A load-balanced service has no application health check");
  }

  @Override
  public List<Finding> check(ModelIndex index) {
    List<Finding> out = new ArrayList<>();
    for (Component tg : index.ofType("aws_lb_target_group", "aws_alb_target_group")) {
      if (!isFalse(tg, "health_check.enabled")) continue;
      out.add(finding(tg.id(), tg.name() + " has health checks turned off",
          tg.name() + " sets health_check.enabled = false: the load balancer keeps sending requests to targets that stopped answering.",
          List.of(tg.id()), evidenceFor(tg, "enabled"),
          "Enable the health check of " + tg.name() + " on a path that checks the application and its dependencies (e.g. /healthz)."));
    }
    for (Component asg : index.ofType("aws_autoscaling_group")) {
      if (asg.attribute("target_group_arns").isEmpty() || value(asg, "health_check_type").equals("elb")) continue;
      out.add(finding(asg.id(), asg.name() + " replaces instances on EC2 checks only",
          asg.name() + " is behind a load balancer (target_group_arns) but " + stated(asg, "health_check_type", "default EC2")
              + ": an instance whose application hangs stays in service, failing requests, because only the VM's status is checked.",
          List.of(asg.id()), evidenceFor(asg, "health_check_type", "target_group_arns"),
          "Set health_check_type = \"ELB\" (with a health_check_grace_period) on " + asg.name() + "."));
    }
    return out;
  }
}
