package dev.infradoc.collect.host;

import java.util.Arrays;
import java.util.Optional;

/**
 * The sections of the round-1 probe script, with the command each runs as evidence locators show
 * it. Keep in step with probe/round1.sh (a test checks that both list the same sections).
 */
public enum ProbeSection {
  META("meta", "id; echo $SSH_CONNECTION"),
  HOST("host", "cat /proc/sys/kernel/hostname /proc/cpuinfo /proc/meminfo; uname -srm"),
  OS("os", "cat /etc/os-release"),
  ADDRESSES("addresses", "ip -o addr show"),
  PROCESSES("processes", "ps -eo pid,ppid,user,etimes,args"),
  PROCLINKS("proclinks", "ls -l /proc/*/cwd /proc/*/exe"),
  CGROUPS("cgroups", "grep -H '' /proc/*/cgroup"),
  SOCKETS("sockets", "ss -tuanp"),
  PACKAGES("packages", "dpkg-query -W"),
  SYSTEMD("systemd", "systemctl show '*.service'"),
  UNITFILES("unitfiles", "grep -Hn '' /etc/systemd/system/*.service"),
  WEBCONFIGS("webconfigs", "grep -rHn '' /etc/nginx /etc/haproxy /etc/apache2"),
  SSHD("sshd", "grep -Hn '' /etc/ssh/sshd_config"),
  CRON("cron", "grep -Hn '' /etc/crontab /etc/cron.d/* /var/spool/cron"),
  DOCKER("docker", "docker ps"),
  CLOUD("cloud", "cat /sys/class/dmi/id/*; instance metadata");

  private final String id;
  private final String command;

  ProbeSection(String id, String command) {
    this.id = id;
    this.command = command;
  }

  public String id() {
    return id;
  }

  public String command() {
    return command;
  }

  /** An evidence locator for line {@code lineIndex} (0-based) of this section's output. */
  public String locator(int lineIndex) {
    return command + "#" + (lineIndex + 1);
  }

  public static Optional<ProbeSection> byId(String id) {
    return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
  }
}
