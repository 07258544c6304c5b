package dev.infradoc.collect.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import dev.infradoc.collect.CollectEvents;
import dev.infradoc.collect.CollectOptions;
import dev.infradoc.collect.Target;
import dev.infradoc.pipeline.Documents;
import dev.infradoc.pipeline.Pipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets in argv[0] and in a proxy_pass URL stay out of names, ids and excerpts, through the whole pipeline (found by HostileScanIT). */
class HostSecretsTest {
  private static final Path SHOP = Path.of("src/test/resources/golden/host/shop-stack/input");

  @Test
  void collect_keepsSecretsOutOfNamesAndIds_whenArgv0OrProxyPassCarriesThem(@TempDir Path input) throws Exception {
    for (String f : new String[] {"round1.out", "round1.err", "round2.out", "round2.err"}) {
      Files.copy(SHOP.resolve(f), input.resolve(f));
    }
    String round1 = Files.readString(input.resolve("round1.out"));
    int end = round1.indexOf("@@infradoc-0000000000000000 end processes");
    Files.writeString(input.resolve("round1.out"), round1.substring(0, end)
        + "    901       1 www-data                               5 PGPASSWORD=Sekr1tPg psql -h db shop\n" + round1.substring(end));
    String round2 = Files.readString(input.resolve("round2.out"));
    Files.writeString(input.resolve("round2.out"),
        round2.replace("proxy_pass http://shop;", "proxy_pass http://admin:Sekr1tPass@api.example.com:8443;"));

    Pipeline.Result result = new Pipeline(List.of(new HostCollector((t, o, e) -> new RecordedShell(input))),
        Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC))
        .scan(List.of(Target.parse("ssh://root@recorded-host")), CollectOptions.defaults(), CollectEvents.NONE);
    Map<String, String> docs = Documents.render(result.model(), result.run());

    for (Map.Entry<String, String> doc : docs.entrySet()) {
      assertThat(doc.getValue()).as(doc.getKey()).doesNotContain("Sekr1tPg", "Sekr1tPass");
    }
    // What the secrets were attached to is still there.
    assertThat(docs.get("model.json")).contains("\"id\" : \"external:api.example.com:8443\"", "PGPASSWORD=[redacted: password]");
  }
}
