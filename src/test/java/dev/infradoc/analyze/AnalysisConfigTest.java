package dev.infradoc.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.infradoc.model.ComponentKind;
import dev.infradoc.model.Finding;
import dev.infradoc.model.Model;
import dev.infradoc.model.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** .infradoc.yml: rules off, severities changed, findings accepted (kept, marked), and errors for what is wrong. */
class AnalysisConfigTest {
  @TempDir Path dir;

  private static Model rds() {
    return new Models().tf("aws_db_instance.main", ComponentKind.DATABASE, "skip_final_snapshot", "true", "multi_az", "false").build();
  }

  private AnalysisConfig config(String yaml) throws Exception {
    Path f = dir.resolve(".infradoc.yml");
    Files.writeString(f, yaml);
    return AnalysisConfig.read(f, Analyzer.ruleIds());
  }

  private static List<String> rules(Model m) {
    return m.findings().stream().map(Finding::rule).toList();
  }

  @Test
  void analyze_dropsRule_whenConfigTurnsItOff() throws Exception {
    assertThat(rules(new Analyzer().analyze(rds()))).contains("availability.database.single-az");
    Model m = new Analyzer(config("rules:\n  availability.database.single-az: off\n")).analyze(rds());
    assertThat(rules(m)).doesNotContain("availability.database.single-az").contains("recovery.database.final-snapshot-skipped");
  }

  @Test
  void analyze_changesSeverity_whenConfigSetsIt() throws Exception {
    Model m = new Analyzer(config("rules:\n  recovery.database.final-snapshot-skipped: {severity: critical}\n")).analyze(rds());
    Finding f = m.findings().stream().filter(x -> x.rule().equals("recovery.database.final-snapshot-skipped")).findFirst().orElseThrow();
    assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(m.findings().get(0)).as("sorted by the new severity").isEqualTo(f);
  }

  @Test
  void analyze_keepsAcceptedFindingWithReason_whenConfigAcceptsItsId() throws Exception {
    Model m = new Analyzer(config("accept:\n  \"availability.database.single-az:tf:aws_db_instance.main\": \"staging only, restored from snapshots\"\n")).analyze(rds());
    Finding f = m.findings().stream().filter(x -> x.rule().equals("availability.database.single-az")).findFirst().orElseThrow();
    assertThat(f.accepted()).isEqualTo("staging only, restored from snapshots");
    assertThat(m.findings().stream().filter(x -> !x.rule().equals("availability.database.single-az"))).noneMatch(Finding::isAccepted);
  }

  @Test
  void analyze_acceptsEveryFindingOfARule_whenConfigAcceptsTheRuleId() throws Exception {
    Model m = new Analyzer(config("accept:\n  recovery.database.final-snapshot-skipped: throwaway database\n")).analyze(rds());
    assertThat(m.findings().stream().filter(x -> x.rule().equals("recovery.database.final-snapshot-skipped"))).allMatch(Finding::isAccepted);
  }

  @Test
  void read_fails_whenRuleIsUnknown() {
    assertThatThrownBy(() -> config("rules:\n  security.no-such-rule: off\n"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no rule 'security.no-such-rule'");
  }

  @Test
  void read_fails_whenAcceptHasNoReason() {
    assertThatThrownBy(() -> config("accept:\n  \"availability.database.single-az:tf:x\": \"\"\n"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a reason");
  }

  @Test
  void read_fails_whenSeverityIsNotOneOfTheFive() {
    assertThatThrownBy(() -> config("rules:\n  availability.database.single-az: {severity: urgent}\n"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'urgent' is not one of");
  }

  @Test
  void read_fails_whenTopLevelKeyIsUnknown() {
    assertThatThrownBy(() -> config("rulez: {}\n")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown key 'rulez'");
  }
}
