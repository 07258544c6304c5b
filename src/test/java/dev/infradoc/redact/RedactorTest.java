package dev.infradoc.redact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactorTest {
  private final Redactor r = new Redactor();

  @Test
  void connectionString_keepsUserHostAndDatabase_dropsPassword() {
    assertThat(r.envValue("DATABASE_URL", "postgres://shop:s3cr3t@db.internal:5432/shop"))
        .isEqualTo("postgres://shop:[redacted: password]@db.internal:5432/shop");
  }

  @ParameterizedTest
  @CsvSource({
    "DB_PASSWORD, hunter2hunter2, [redacted: password]",
    "GITHUB_TOKEN, abcdef, [redacted: token]",
    "AWS_SECRET_ACCESS_KEY, wJalrXUtnFEMI/K7MDENG, [redacted: secret]",
    "STRIPE_API_KEY, sk_live_x, [redacted: key]",
    "PATH, /usr/bin:/bin, /usr/bin:/bin"
  })
  void envValue_redactsBySecretName(String name, String value, String expected) {
    assertThat(r.envValue(name, value)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
    "app --password=hunter2 --port 80; hunter2",
    "app --db-password hunter2; hunter2",
    "mysql -uroot -phunter2 shop; hunter2",
    "PGPASSWORD=hunter2 psql -h db; hunter2",
    "run --token ghp_abcdefghijklmnopqrstuvwxyz0123456789; ghp_abcdefghijklmnopqrstuvwxyz0123456789",
    "key AKIAIOSFODNN7EXAMPLE used; AKIAIOSFODNN7EXAMPLE",
    "curl -H 'Authorization: Bearer abcdefghijklmnop123'; abcdefghijklmnop123",
    "tool --env {\"GITHUB_TOKEN\": \"tok-123456\", \"HOME\": \"/root\"}; tok-123456",
    "jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U; eyJzdWIiOiIxMjM0NTY3ODkwIn0"
  })
  void commandLine_removesSecret(String commandLine, String secret) {
    String out = r.commandLine(commandLine);
    assertThat(out).doesNotContain(secret).contains("[redacted: ");
  }

  @Test
  void commandLine_leavesOrdinaryArgumentsAlone() {
    String line = "/usr/bin/python3 /usr/bin/gunicorn --workers 2 --bind 127.0.0.1:8000 app:app";
    assertThat(r.commandLine(line)).isEqualTo(line);
    assertThat(r.commandLine("nginx: master process nginx -p /srv")).isEqualTo("nginx: master process nginx -p /srv");
    assertThat(r.text("    proxy_pass http://127.0.0.1:8000;")).isEqualTo("    proxy_pass http://127.0.0.1:8000;");
    assertThat(r.text("fastcgi_pass unix:/run/php/php-fpm.sock;")).isEqualTo("fastcgi_pass unix:/run/php/php-fpm.sock;");
  }

  @Test
  void privateKeyBlock_isRemovedWhole() {
    String text = "key=-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXk\n-----END OPENSSH PRIVATE KEY-----";
    assertThat(r.text(text)).doesNotContain("b3BlbnNzaC1rZXk").contains("[redacted: private key]");
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
    "server auth-svc:9000 weight=5;",
    "gunicorn --bind 127.0.0.1:8000 --keyfile /etc/ssl/key.pem app:app;",
    "key: app.kubernetes.io/name;",
    "public_key = \"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIN\";",
    "redis-server /etc/redis/redis.conf --port 6379;",
    "/usr/bin/python3 -m http.server 9000 --directory /srv/static;"
  })
  void text_leavesLookalikesAlone(String line) {
    assertThat(r.text(line)).isEqualTo(line);
  }

  @Test
  void commandLine_seesASecretOptionAfterAFlag() {
    assertThat(r.commandLine("app --verbose --password=hunter2")).isEqualTo("app --verbose --password=[redacted: password]");
  }

  @Test
  void urlPassword_containingAt_isRemovedWhole_andHostKept() {
    assertThat(r.text("https://svc:p@ss@api.example.com/v2")).isEqualTo("https://svc:[redacted: password]@api.example.com/v2");
  }

  @Test
  void shortPasswordOptions_onlyAfterTheirProgram() {
    assertThat(r.text("0 3 * * * root mysqldump -u backup -phunter2 shop")).doesNotContain("hunter2");
    assertThat(r.text("redis-cli -h cache -a hunter2 ping")).doesNotContain("hunter2");
    assertThat(r.text("curl -u deploy:hunter2 https://x")).contains("deploy:[redacted: password]");
    assertThat(r.text("tar -a -p -f x.tar")).isEqualTo("tar -a -p -f x.tar");
  }

  @Test
  void markers_areNotRedactedAgain() {
    String once = r.text("Authorization: Bearer abcdefghijklmnop123 password=x DATABASE_URL=postgres://a:b@h/db");
    assertThat(r.text(once)).isEqualTo(once);
  }

  @Test
  void text_takesLinearTime_onOneHugeWord() {
    // 64 MB of config lines arrive from a hostile host; a quadratic pattern would take hours here.
    String line = "# " + "x".repeat(200_000) + " password=hunter2";
    long t0 = System.nanoTime();
    String out = r.text(line);
    assertThat(out).endsWith("password=[redacted: password]");
    assertThat((System.nanoTime() - t0) / 1_000_000).as("ms").isLessThan(2000);
  }
}
