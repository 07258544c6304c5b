package dev.infradoc.collect.host;

import dev.infradoc.collect.host.parse.FileLine;
import dev.infradoc.model.Component;
import dev.infradoc.model.ComponentKind;
import dev.infradoc.model.Evidence;
import dev.infradoc.redact.Redactor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Reads host configuration that matters to the documents: sshd settings and cron jobs. */
final class HostConfigReader {
  private static final Set<String> SSHD_KEYS = Set.of("PasswordAuthentication", "PermitRootLogin",
      "PubkeyAuthentication", "Port", "ListenAddress", "KbdInteractiveAuthentication", "PermitEmptyPasswords");

  private static final Set<String> SHELL_GLUE = Set.of("test", "[", "[[", "cd", "sh", "bash", "-c", "&&", "||",
      "if", "then", "-x", "-e", "-f", "-d", "exec", "nice", "ionice", "flock", "timeout", "env");

  private HostConfigReader() {}

  /** Explicit sshd_config settings become attributes of the OpenSSH component. */
  static void sshd(List<Draft> drafts, List<FileLine> lines, String sourceId) {
    drafts.stream().filter(d -> d.signature.id().equals("sshd")).findFirst().ifPresent(sshd -> {
      for (FileLine l : lines) {
        if (!l.path().equals("/etc/ssh/sshd_config")) continue;
        String[] f = l.text().strip().split("\\s+", 2);
        if (f.length == 2 && SSHD_KEYS.contains(f[0]) && !sshd.attributes.containsKey("sshd." + f[0])) {
          sshd.attributes.put("sshd." + f[0], f[1].strip());
          sshd.evidence.add(Evidence.of(sourceId, l.locator(), l.text().strip()));
        }
      }
    });
  }

  /** Each cron job (not distribution run-parts scaffolding) becomes a scheduler component. */
  static List<Component> cronJobs(List<FileLine> lines, String hostname, String sourceId, Redactor redactor) {
    List<Component> jobs = new ArrayList<>();
    for (FileLine l : lines) {
      boolean system = l.path().equals("/etc/crontab") || l.path().startsWith("/etc/cron.d/");
      boolean user = l.path().startsWith("/var/spool/cron/");
      if (!system && !user) continue;
      String text = l.text().strip();
      if (text.isEmpty() || text.startsWith("#") || text.matches("^[A-Za-z_][A-Za-z0-9_]*\\s*=.*")) continue;
      if (text.contains("run-parts") || text.contains("anacron")) continue;
      String[] f = text.startsWith("@") ? text.split("\\s+", system ? 3 : 2) : text.split("\\s+", system ? 7 : 6);
      int scheduleFields = text.startsWith("@") ? 1 : 5;
      if (f.length < scheduleFields + (system ? 2 : 1)) continue;
      String schedule = String.join(" ", java.util.Arrays.copyOfRange(f, 0, scheduleFields));
      String runAs = system ? f[scheduleFields] : l.path().substring(l.path().lastIndexOf('/') + 1);
      String command = redactor.commandLine(f[f.length - 1]);
      String file = l.path().substring(l.path().lastIndexOf('/') + 1);
      String program = jobName(command, file, system && !l.path().equals("/etc/crontab"));
      Map<String, String> attributes = new TreeMap<>();
      attributes.put("schedule", schedule);
      attributes.put("schedule.command", command);
      attributes.put("file", l.path());
      jobs.add(new Component("host:" + hostname + "/cron/" + ComponentAssembler.slug(file) + "-" + l.number(),
          "cron job: " + program, ComponentKind.SCHEDULER, "cron", "", "host:" + hostname, sourceId, 1, runAs,
          "cron", List.of(), attributes, List.of(Evidence.of(sourceId, l.locator(), redactor.commandLine(text)))));
    }
    return distinctNames(jobs);
  }

  /**
   * Jobs that would share a name (two lines of one /etc/cron.d file) are told apart by their
   * schedule, and by their line when even that is the same.
   */
  private static List<Component> distinctNames(List<Component> jobs) {
    Map<String, Long> byName = count(jobs.stream().map(Component::name).toList());
    List<Component> scheduled = jobs.stream().map(j -> byName.get(j.name()) == 1 ? j
        : renamed(j, j.name() + " (" + j.attribute("schedule") + ")")).toList();
    Map<String, Long> again = count(scheduled.stream().map(Component::name).toList());
    return scheduled.stream().map(j -> again.get(j.name()) == 1 ? j
        : renamed(j, j.name() + " at " + j.evidence().get(0).locator())).toList();
  }

  private static Component renamed(Component c, String name) {
    return new Component(c.id(), name, c.kind(), c.technology(), c.version(), c.host(), c.source(), c.instances(),
        c.runsAs(), c.managedBy(), c.listens(), c.attributes(), c.evidence());
  }

  private static Map<String, Long> count(List<String> names) {
    return names.stream().collect(java.util.stream.Collectors.groupingBy(n -> n, TreeMap::new,
        java.util.stream.Collectors.counting()));
  }

  /** A job in /etc/cron.d is named after its file; others after the first program the command runs. */
  private static String jobName(String command, String file, boolean cronD) {
    if (cronD) return file;
    for (String word : command.split("\\s+")) {
      String base = word.substring(word.lastIndexOf('/') + 1);
      if (base.isEmpty() || base.contains("=") || SHELL_GLUE.contains(base)) continue;
      return base;
    }
    return file;
  }
}
