package dev.infradoc.analyze.rules;

import dev.infradoc.analyze.BaseRule;
import dev.infradoc.analyze.ModelIndex;
import dev.infradoc.model.Component;
import dev.infradoc.model.Finding;
import dev.infradoc.model.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * sshd allows password logins: PasswordAuthentication yes in /etc/ssh/sshd_config, or not set there
 * (OpenSSH's default is yes). Only when the running sshd reads that file (no -f elsewhere) and it was read.
 */
public final class SshdLoginRule extends BaseRule {
  public SshdLoginRule() {
    super("security.ssh.password-login", Severity.MEDIUM, "sshd accepts password logins");
  }

  @Override
  public List<Finding> check(ModelIndex index) {
    List<Finding> out = new ArrayList<>();
    for (Component c : index.model().components()) {
      if (!SshdRootLoginRule.readsSystemConfig(c)) continue;
      String v = value(c, "sshd.PasswordAuthentication");
      if (v.equals("no")) continue;
      boolean unstated = v.isEmpty();
      out.add(finding(c.id(), "sshd on " + hostName(c) + " allows password logins",
          unstated ? "/etc/ssh/sshd_config does not set PasswordAuthentication, so OpenSSH's default (yes) applies, unless a file it "
              + "includes (not read by this scan) sets it: passwords can be guessed from anywhere port 22 is reachable."
              : "sshd_config sets PasswordAuthentication " + c.attribute("sshd.PasswordAuthentication") + ": passwords can be guessed from anywhere port 22 is reachable.",
          List.of(c.id()), unstated ? declaration(c) : evidenceFor(c, "PasswordAuthentication"),
          "Set PasswordAuthentication no in /etc/ssh/sshd_config (after checking that key logins work) and reload sshd."));
    }
    return out;
  }
}
