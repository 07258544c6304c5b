package dev.infradoc.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import dev.infradoc.collect.CollectContext;
import dev.infradoc.collect.CollectEvents;
import dev.infradoc.collect.CollectOptions;
import dev.infradoc.collect.Target;
import dev.infradoc.collect.host.HostCollector;
import dev.infradoc.collect.host.RecordedShell;
import dev.infradoc.collect.terraform.TerraformCollector;
import dev.infradoc.knowledge.Knowledge;
import dev.infradoc.model.Finding;
import dev.infradoc.model.Model;
import dev.infradoc.model.ModelBuilder;
import dev.infradoc.redact.Redactor;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Declared versus running over a model both collectors build: the host recorded in
 * golden/host/shop-stack (idlead, 10.231.50.2, nginx on :80 and sshd on :22 beyond loopback) and
 * Terraform that declares it (private_ip 10.231.50.2, a group allowing 80 and 443) plus an instance never scanned.
 */
class DeclaredRunningTest {
  private static final Path HOST = Path.of("src/test/resources/golden/host/shop-stack/input");
  private static final Path CODE = Path.of("src/test/resources/analyze/declared-running");

  private static Model model(boolean withHost, boolean withCode) throws Exception {
    CollectContext context = new CollectContext(CollectOptions.defaults(), Knowledge.load(), new Redactor(), CollectEvents.NONE);
    ModelBuilder builder = new ModelBuilder();
    if (withHost) {
      builder.add(new HostCollector((t, o, e) -> new RecordedShell(HOST)).collect(Target.parse("ssh://root@recorded-host"), context));
    }
    if (withCode) builder.add(new TerraformCollector().collect(Target.parse(CODE.toString()), context));
    return builder.build(new Model.GeneratedBy("infradoc", "test"), "2026-01-01T00:00:00Z");
  }

  private static List<Finding> findings(Model m, String rule) {
    return new Analyzer().analyze(m).findings().stream().filter(f -> f.rule().equals(rule)).toList();
  }

  @Test
  void hostLinks_linkTheRecordedHostToTheInstanceWithItsPrivateIp() throws Exception {
    HostLinks links = new ModelIndex(model(true, true)).hostLinks();
    assertThat(links.links()).hasSize(1);
    HostLinks.Link link = links.links().get(0);
    assertThat(link.host().hostname()).isEqualTo("idlead");
    assertThat(link.declared().id()).isEqualTo("tf:aws_instance.web");
    assertThat(link.basis()).isEqualTo("private_ip 10.231.50.2");
    assertThat(links.unmatchedDeclared()).extracting(c -> c.id()).containsExactly("tf:aws_instance.batch");
  }

  @Test
  void driftRules_reportWhatTheCodeAndTheHostDisagreeOn() throws Exception {
    Model m = model(true, true);
    // The group allows 443; idlead listens on 80 and 22 only.
    assertThat(findings(m, "drift.port-allowed-nothing-listens")).extracting(Finding::title)
        .containsExactly("aws_security_group.web allows port 443 to idlead but nothing listens on it");
    // sshd listens on 10.231.50.2:22, which the group does not allow; nginx on :80 is allowed.
    assertThat(findings(m, "drift.listener-not-allowed")).extracting(Finding::id)
        .containsExactly("drift.listener-not-allowed:host:idlead/sshd:22");
    List<Finding> missing = findings(m, "drift.declared-not-running");
    assertThat(missing).hasSize(1);
    assertThat(missing.get(0).components()).containsExactly("tf:aws_instance.batch");
    assertThat(missing.get(0).detail()).contains("private_ip 10.231.50.9");
    assertThat(missing.get(0).evidence()).anySatisfy(e -> assertThat(e.locator()).startsWith("main.tf:"));
    assertThat(findings(m, "drift.running-not-declared")).isEmpty();
  }

  @Test
  void driftRules_staySilent_whenOnlyOneSideWasScanned() throws Exception {
    for (Model m : List.of(model(true, false), model(false, true))) {
      for (String rule : List.of("drift.port-allowed-nothing-listens", "drift.listener-not-allowed",
          "drift.declared-not-running", "drift.running-not-declared")) {
        assertThat(findings(m, rule)).as(rule).isEmpty();
      }
    }
  }
}
