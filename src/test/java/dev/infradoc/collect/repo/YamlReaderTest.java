package dev.infradoc.collect.repo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class YamlReaderTest {

  @Test
  void parse_keepsTheLineOfEveryKeyAndValue_acrossDocuments() {
    YamlFile f = YamlReader.parse("a.yaml", "kind: Service\nmetadata:\n  name: web\n---\nkind: Deployment\nspec:\n  replicas: 3\n");
    assertThat(f.error()).isEmpty();
    assertThat(f.documents()).hasSize(2);
    YamlNode second = f.documents().get(1);
    assertThat(second.keyLine("spec")).isEqualTo(6);
    assertThat(second.path("spec", "replicas").line()).isEqualTo(7);
    assertThat(second.path("spec", "replicas").text()).isEqualTo("3");
    assertThat(f.documents().get(0).path("metadata", "name").line()).isEqualTo(3);
  }

  @Test
  void parse_keepsScalarsAsWritten_whenYaml11WouldConvertThem() {
    YamlFile f = YamlReader.parse("w.yml", "on: push\nports:\n  - 22:22\nv: ${VAR:-x}\nn: 010\n");
    YamlNode doc = f.documents().get(0);
    assertThat(doc.has("on")).isTrue();
    assertThat(doc.get("on").text()).isEqualTo("push");
    assertThat(doc.get("ports").items().get(0).text()).isEqualTo("22:22");
    assertThat(doc.get("v").text()).isEqualTo("${VAR:-x}");
    assertThat(doc.get("n").text()).isEqualTo("010");
  }

  @Test
  void parse_appliesMergeKeys_withExplicitKeysWinning() {
    YamlFile f = YamlReader.parse("c.yml", "x: &base\n  A: 1\n  B: 2\ny:\n  <<: *base\n  B: 3\n");
    YamlNode y = f.documents().get(0).get("y");
    assertThat(y.get("A").text()).isEqualTo("1");
    assertThat(y.get("A").line()).isEqualTo(2);
    assertThat(y.get("B").text()).isEqualTo("3");
    assertThat(y.get("B").line()).isEqualTo(6);
  }

  @Test
  void parse_reportsLineAndColumn_andKeepsTheDocumentsBeforeTheError() {
    YamlFile f = YamlReader.parse("b.yaml", "a: 1\n---\nb: [1, 2\nc: 3\n");
    assertThat(f.documents()).hasSize(1);
    assertThat(f.error()).isPresent();
    assertThat(f.error().get().line()).isEqualTo(4);
    assertThat(f.error().get().oneLine("b.yaml")).startsWith("b.yaml:4:");
  }

  @Test
  void parse_reportsAnErrorInsteadOfLooping_whenAnAliasContainsItself() {
    YamlFile f = YamlReader.parse("r.yaml", "a: &x\n  b: *x\n");
    assertThat(f.error()).isPresent();
    assertThat(f.error().get().message()).contains("alias");
  }

  @Test
  void parse_neverThrowsAndAlwaysGivesAPosition_forEveryTruncationOfARealFile() {
    String text = "services:\n  web:\n    image: \"nginx:1.27\"\n    ports: [\"80:80\", '443:443']\n"
        + "    environment:\n      - A=b\n    command: >\n      run --fast\n  db: {image: postgres, x: [1, {y: 2}]}\n";
    for (int i = 0; i <= text.length(); i++) {
      YamlFile f = YamlReader.parse("t.yml", text.substring(0, i));
      f.error().ifPresent(e -> {
        assertThat(e.line()).isPositive();
        assertThat(e.column()).isPositive();
        assertThat(e.message()).isNotBlank();
      });
    }
  }

  @Test
  void parse_neverThrows_onRandomText() {
    Random random = new Random(42);
    String alphabet = "ab:- \n\t[]{}&*!|>'\"#%@`,?=~0\\";
    for (int n = 0; n < 2000; n++) {
      StringBuilder sb = new StringBuilder();
      int len = random.nextInt(60);
      for (int i = 0; i < len; i++) sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      YamlFile f = YamlReader.parse("r.yml", sb.toString());
      f.error().ifPresent(e -> assertThat(e.line()).isPositive());
    }
  }
}
