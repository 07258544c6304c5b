package dev.infradoc.analyze.rules;

import dev.infradoc.analyze.BaseRule;
import dev.infradoc.analyze.ModelIndex;
import dev.infradoc.model.Component;
import dev.infradoc.model.Finding;
import dev.infradoc.model.Severity;
import java.util.ArrayList;
import java.util.List;

/** A load balancer listener serves plain HTTP instead of redirecting to HTTPS. */
public final class PlainHttpListenerRule extends BaseRule {
  public PlainHttpListenerRule() {
    super("security.lb.plain-http-listener", Severity.MEDIUM, "A load balancer listener serves plain HTTP without redirecting to HTTPS");
  }

  @Override
  public List<Finding> check(ModelIndex index) {
    List<Finding> out = new ArrayList<>();
    for (Component l : index.ofType("aws_lb_listener", "aws_alb_listener")) {
      if (!value(l, "protocol").equals("http") || value(l, "default_action.type").equals("redirect")) continue;
      String action = l.attribute("default_action.type");
      out.add(finding(l.id(), l.name() + " serves plain HTTP on port " + l.attribute("port"),
          l.name() + " listens with protocol HTTP on port " + l.attribute("port") + " and its default action is "
              + (action.isEmpty() ? "not stated" : action) + ", not a redirect: requests and cookies cross the network unencrypted.",
          List.of(l.id()), evidenceFor(l, "protocol", "type"),
          "Make the default action of " + l.name() + " a redirect to HTTPS (status HTTP_301) and serve the application on an HTTPS listener."));
    }
    return out;
  }
}
