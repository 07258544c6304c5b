package dev.infradoc.analyze.rules;

import dev.infradoc.analyze.BaseRule;
import dev.infradoc.analyze.ModelIndex;
import dev.infradoc.model.Component;
import dev.infradoc.model.Finding;
import dev.infradoc.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A running process or cron job has a secret in its command line, which every local user can read (ps, /proc). */
public final class SecretInCommandLineRule extends BaseRule {
  private static final Pattern MARK = Pattern.compile("\\[redacted: ([^]]+)]");

  public SecretInCommandLineRule() {
    super("secrets.process.command-line", Severity.MEDIUM, "A process or cron job carries a secret in its command line");
  }

  @Override
  public List<Finding> check(ModelIndex index) {
    List<Finding> out = new ArrayList<>();
    for (Component c : index.model().components()) {
      if (c.host().isEmpty()) continue;
      String line = c.attribute("commandLine") + " " + c.attribute("schedule.command");
      Matcher m = MARK.matcher(line);
      if (!m.find()) continue;
      out.add(finding(c.id(), c.name() + " on " + hostName(c) + " has a " + m.group(1) + " in its command line",
          "The command line of " + c.name() + " contains a " + m.group(1) + " (removed from this document). Command lines are "
              + "readable by every user of the host through ps and /proc, and often end up in logs.",
          List.of(c.id()), c.evidence().stream().filter(e -> e.excerpt().contains("[redacted:")).findFirst().map(List::of).orElse(declaration(c)),
          "Pass the " + m.group(1) + " to " + c.name() + " through an environment file readable only by its user, or a credentials file, and rotate it."));
    }
    return out;
  }
}
