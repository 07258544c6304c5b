package dev.infradoc.collect.repo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.infradoc.redact.Redactor;
import org.junit.jupiter.api.Test;

class FileEvidenceTest {
  private final FileEvidence ev = new FileEvidence("s", new Redactor());

  @Test
  void excerpt_masksTheValue_whenTheKeyNamesASecret() {
    assertThat(ev.excerpt("  POSTGRES_PASSWORD: hunter2")).isEqualTo("POSTGRES_PASSWORD: [redacted: password]");
    assertThat(ev.excerpt("- DB_PASS=hunter2")).doesNotContain("hunter2");
    assertThat(ev.excerpt("SECRET_KEY: \"dj-x\"")).doesNotContain("dj-x");
  }

  @Test
  void excerpt_masksTheDefault_ofAVariableWithOne() {
    assertThat(ev.excerpt("POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:-changeme}")).doesNotContain("changeme");
    assertThat(ev.excerpt("POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}")).contains("${POSTGRES_PASSWORD}");
    assertThat(ev.excerpt("TOKEN: ${{ secrets.TOKEN }}")).contains("secrets.TOKEN");
  }

  @Test
  void excerpt_masksAnOptionValue_inAFlowListCommand() {
    assertThat(ev.excerpt("command: [\"redis-server\", \"--requirepass\", \"s3cr3t\"]")).doesNotContain("s3cr3t");
  }

  @Test
  void of_pointsAtFileAndLine_andQuotesTheLine() {
    YamlFile f = YamlReader.parse("dir/a.yml", "x: 1\nimage: nginx\n");
    ev.add(f);
    assertThat(ev.of(f.documents().get(0).get("image")))
        .isEqualTo(new dev.infradoc.model.Evidence("s", "dir/a.yml:2", "image: nginx"));
  }
}
