package dev.infradoc.analyze.rules;

import dev.infradoc.analyze.Rule;
import dev.infradoc.model.Component;
import dev.infradoc.model.Finding;
import dev.infradoc.model.Model;
import dev.infradoc.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** sshd explicitly allows password logins or root logins with a password. */
public final class SshdLoginRule implements Rule {
  @Override
  public String id() {
    return "security.ssh.password-login";
  }

  @Override
  public List<Finding> check(Model model) {
    List<Finding> out = new ArrayList<>();
    for (Component c : model.components()) {
      if (!c.technology().equals("OpenSSH")) continue;
      String password = c.attribute("sshd.PasswordAuthentication").toLowerCase(Locale.ROOT);
      String root = c.attribute("sshd.PermitRootLogin").toLowerCase(Locale.ROOT);
      List<String> problems = new ArrayList<>();
      if (password.equals("yes")) problems.add("PasswordAuthentication yes");
      if (root.equals("yes")) problems.add("PermitRootLogin yes");
      if (problems.isEmpty()) continue;
      out.add(new Finding(Findings.id(id(), c), id(), root.equals("yes") ? Severity.HIGH : Severity.MEDIUM,
          "sshd on " + Findings.host(c) + " allows password logins",
          "sshd_config sets " + String.join(" and ", problems) + ": passwords can be guessed from anywhere port 22 is reachable.",
          List.of(c.id()), Findings.evidence(c, e -> e.locator().contains("sshd_config")),
          "Set PasswordAuthentication no and PermitRootLogin prohibit-password (or no) in /etc/ssh/sshd_config, after checking that key logins work."));
    }
    return out;
  }
}
