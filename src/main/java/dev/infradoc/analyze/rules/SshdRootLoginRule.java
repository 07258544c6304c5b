package dev.infradoc.analyze.rules;

import dev.infradoc.analyze.BaseRule;
import dev.infradoc.analyze.ModelIndex;
import dev.infradoc.model.Component;
import dev.infradoc.model.Finding;
import dev.infradoc.model.Severity;
import java.util.ArrayList;
import java.util.List;

/** sshd_config sets PermitRootLogin yes: root may log in with a password. */
public final class SshdRootLoginRule extends BaseRule {
  public SshdRootLoginRule() {
    super("security.ssh.root-login", Severity.HIGH, "sshd lets root log in with a password");
  }

  @Override
  public List<Finding> check(ModelIndex index) {
    List<Finding> out = new ArrayList<>();
    for (Component c : index.model().components()) {
      if (!readsSystemConfig(c) || !value(c, "sshd.PermitRootLogin").equals("yes")) continue;
      out.add(finding(c.id(), "sshd on " + hostName(c) + " permits root login",
          "sshd_config sets PermitRootLogin yes: the root account can be attacked directly, with a password if password logins are on.",
          List.of(c.id()), evidenceFor(c, "PermitRootLogin"),
          "Set PermitRootLogin no (or prohibit-password) in /etc/ssh/sshd_config and log in as a named user with sudo."));
    }
    return out;
  }

  /** An OpenSSH server whose /etc/ssh/sshd_config was read and which does not run with another file (-f). */
  static boolean readsSystemConfig(Component c) {
    if (!c.technology().equals("OpenSSH") || c.host().isEmpty()) return false;
    if (c.attributes().keySet().stream().noneMatch(k -> k.startsWith("sshd."))) return false;
    String cmd = " " + c.attribute("commandLine") + " ";
    int f = cmd.indexOf(" -f ");
    return f < 0 || cmd.startsWith("/etc/ssh/sshd_config ", f + 4);
  }
}
