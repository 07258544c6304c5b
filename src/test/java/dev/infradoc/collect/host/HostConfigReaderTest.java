package dev.infradoc.collect.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.infradoc.collect.host.parse.FileLine;
import dev.infradoc.model.Component;
import dev.infradoc.redact.Redactor;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostConfigReaderTest {
  private static List<String> names(List<FileLine> lines) {
    return HostConfigReader.cronJobs(lines, "vm", "host:vm", new Redactor()).stream().map(Component::name).toList();
  }

  @Test
  void twoJobsOfOneCronDFileAreToldApartByTheirSchedule() {
    // Debian's /etc/cron.d/e2scrub_all holds two jobs; both used to be called "cron job: e2scrub_all".
    assertThat(names(List.of(
        new FileLine("/etc/cron.d/e2scrub_all", 1, "30 3 * * 0 root test -e /run/systemd/system || /usr/lib/e2scrub_all_cron"),
        new FileLine("/etc/cron.d/e2scrub_all", 2, "10 3 * * * root /sbin/e2scrub_all -A -r"))))
        .containsExactly("cron job: e2scrub_all (30 3 * * 0)", "cron job: e2scrub_all (10 3 * * *)");
  }

  @Test
  void jobsWithTheSameNameAndScheduleAreToldApartByTheirLine() {
    assertThat(names(List.of(
        new FileLine("/etc/cron.d/backup", 1, "0 2 * * * root /usr/local/bin/dump-db"),
        new FileLine("/etc/cron.d/backup", 2, "0 2 * * * root /usr/local/bin/dump-files"))))
        .containsExactly("cron job: backup (0 2 * * *) at /etc/cron.d/backup:1",
            "cron job: backup (0 2 * * *) at /etc/cron.d/backup:2");
  }

  @Test
  void aJobWhoseNameIsUniqueKeepsItsPlainName() {
    assertThat(names(List.of(
        new FileLine("/etc/cron.d/backup", 1, "0 2 * * * root /usr/local/bin/dump-db"),
        new FileLine("/var/spool/cron/crontabs/app", 3, "*/5 * * * * /srv/app/bin/sync"))))
        .containsExactly("cron job: backup", "cron job: sync");
  }
}
