package dev.infradoc.render.iac;

import dev.infradoc.model.Component;
import dev.infradoc.model.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a CI/CD job delivers, as the pipeline's delivery join wrote it on the job: each entry is a
 * component (by id) or a Terraform root, and each statement of what matched nothing here.
 */
public final class Delivered {
  private static final String DELIVERS = dev.infradoc.pipeline.DeliveryJoin.DELIVERS;
  private static final String NOT_MATCHED = dev.infradoc.pipeline.DeliveryJoin.NOT_MATCHED;

  /** One delivered thing: the component when it is one, and how documents name it. */
  public record Entry(String key, Optional<Component> component, String label) {}

  private Delivered() {}

  public static List<Entry> entries(Model model, Component job) {
    List<Entry> out = new ArrayList<>();
    String written = job.attribute(DELIVERS);
    if (written.isEmpty()) return out;
    // Terraform roots are written "Terraform root DIR (N resources)"; component ids hold no ", ".
    for (String key : written.split(", ")) {
      Optional<Component> c = model.component(key);
      out.add(new Entry(key, c, c.map(Delivered::label).orElse(key)));
    }
    return out;
  }

  /** The statements of what the job names that nothing here runs or declares. */
  public static List<String> notMatched(Component job) {
    String written = job.attribute(NOT_MATCHED);
    return written.isEmpty() ? List.of() : List.of(written.split("; "));
  }

  /** "web (compose shop)", "cart-cleanup (CronJob in shop)", "aws_ecs_service.api (Amazon ECS service)". */
  public static String label(Component c) {
    String where = !c.attribute("project").isEmpty() ? "compose " + c.attribute("project")
        : !c.attribute("workload").isEmpty() ? c.attribute("workload") + " in " + c.attribute("namespace")
        : c.technology();
    return where.isEmpty() ? c.name() : c.name() + " (" + where + ")";
  }
}
