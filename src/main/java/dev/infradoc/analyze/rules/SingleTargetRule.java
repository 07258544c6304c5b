package dev.infradoc.analyze.rules;

import dev.infradoc.analyze.BaseRule;
import dev.infradoc.analyze.ModelIndex;
import dev.infradoc.model.Component;
import dev.infradoc.model.Finding;
import dev.infradoc.model.Severity;
import java.util.ArrayList;
import java.util.List;

/** A target group with exactly one registered target and no auto scaling group or ECS service feeding it. */
public final class SingleTargetRule extends BaseRule {
  public SingleTargetRule() {
    super("availability.lb.single-target", Severity.MEDIUM, "A load balancer target group has one target");
  }

  @Override
  public List<Finding> check(ModelIndex index) {
    List<Finding> out = new ArrayList<>();
    for (Component tg : index.ofType("aws_lb_target_group", "aws_alb_target_group")) {
      List<Component> attachments = index.referrers(tg.id(), "aws_lb_target_group_attachment", "aws_alb_target_group_attachment");
      if (!index.referrers(tg.id(), "aws_autoscaling_group", "aws_autoscaling_attachment", "aws_ecs_service").isEmpty()) continue;
      int targets = attachments.stream().mapToInt(Component::instances).sum();
      if (targets != 1) continue;
      Component a = attachments.get(0);
      out.add(finding(tg.id(), tg.name() + " has a single target",
          "The only target registered with " + tg.name() + " is " + a.attribute("target_id") + " (" + a.name()
              + "): the load balancer has nothing to fail over to, so it adds no availability.",
          List.of(tg.id(), a.id()), declaration(a),
          "Register a second target in another availability zone with " + tg.name() + ", or put the instances in an auto scaling group."));
    }
    return out;
  }
}
