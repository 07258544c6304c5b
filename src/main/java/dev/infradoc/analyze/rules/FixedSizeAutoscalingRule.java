package dev.infradoc.analyze.rules;

import dev.infradoc.analyze.BaseRule;
import dev.infradoc.analyze.ModelIndex;
import dev.infradoc.model.Component;
import dev.infradoc.model.Finding;
import dev.infradoc.model.Severity;
import java.util.ArrayList;
import java.util.List;

/** An auto scaling group (or EKS node group) with min = max: it replaces instances but cannot scale. */
public final class FixedSizeAutoscalingRule extends BaseRule {
  public FixedSizeAutoscalingRule() {
    super("availability.autoscaling.fixed-size", Severity.LOW, "An auto scaling group has min size equal to max size");
  }

  @Override
  public List<Finding> check(ModelIndex index) {
    List<Finding> out = new ArrayList<>();
    for (Component c : index.ofType("aws_autoscaling_group", "aws_eks_node_group")) {
      String prefix = c.attribute("terraform.type").equals("aws_eks_node_group") ? "scaling_config." : "";
      int min = integer(c, prefix + "min_size", -1);
      int max = integer(c, prefix + "max_size", -2);
      if (min != max) continue;
      out.add(finding(c.id(), c.name() + " cannot scale (min = max = " + min + ")",
          c.name() + " sets " + prefix + "min_size = " + min + " and " + prefix + "max_size = " + max
              + ": it replaces failed instances but never adds capacity under load" + (min == 1 ? ", and with one instance every replacement is an outage." : "."),
          List.of(c.id()), evidenceFor(c, "min_size", "max_size"),
          "Raise max_size of " + c.name() + " above " + min + " and add a target-tracking scaling policy" + (min == 1 ? "; run at least 2 instances across zones." : ".")));
    }
    return out;
  }
}
