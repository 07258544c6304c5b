package dev.infradoc.collect.actions;

import dev.infradoc.collect.repo.YamlNode;
import java.util.ArrayList;
import java.util.List;

/** The {@code on:} of a workflow in any of its forms (an event, a list, or a map with filters), as one line. */
final class Triggers {
  private static final List<String> FILTERS = List.of("branches", "branches-ignore", "tags", "tags-ignore", "paths",
      "paths-ignore", "types", "workflows");

  private Triggers() {}

  static String describe(YamlNode on) {
    if (on.isScalar()) return on.text();
    if (on.isSeq()) return String.join(", ", on.texts());
    List<String> out = new ArrayList<>();
    for (YamlNode.Entry e : on.entries()) out.add(event(e.key(), e.value()));
    return String.join("; ", out);
  }

  private static String event(String name, YamlNode v) {
    List<String> details = new ArrayList<>();
    if (name.equals("schedule")) {
      for (YamlNode s : v.items()) details.add("cron " + s.get("cron").text());
    } else if (v.isMap()) {
      for (String f : FILTERS) {
        if (v.has(f)) details.add(f + ": " + String.join(", ", v.get(f).texts()));
      }
      if (v.get("inputs").isMap()) details.add("inputs: " + String.join(", ", v.get("inputs").entries().stream().map(YamlNode.Entry::key).toList()));
    }
    return details.isEmpty() ? name : name + " (" + String.join("; ", details) + ")";
  }

  /** Workflow names a {@code workflow_run} trigger waits for. */
  static List<YamlNode> workflowRuns(YamlNode on) {
    YamlNode wr = on.path("workflow_run", "workflows");
    if (wr.isScalar()) return List.of(wr);
    return wr.items().stream().filter(YamlNode::isScalar).toList();
  }
}
