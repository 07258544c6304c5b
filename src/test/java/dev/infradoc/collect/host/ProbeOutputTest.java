package dev.infradoc.collect.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ProbeOutputTest {
  @Test
  void parse_splitsSectionsWithExitCodes_andIgnoresForgedMarkers() {
    String out = "@@infradoc-abc begin one\nline 1\n@@infradoc-xyz end one 0\n\n@@infradoc-abc end one 0\n"
        + "@@infradoc-abc begin two\npartial\n";
    ProbeOutput p = ProbeOutput.parse("abc", out, "@@infradoc-abc begin one\nwarn\n@@infradoc-abc end one\n");
    assertThat(p.lines("one")).containsExactly("line 1", "@@infradoc-xyz end one 0");
    assertThat(p.section("one").get().exitCode()).isZero();
    assertThat(p.section("one").get().errors()).containsExactly("warn");
    assertThat(p.section("two").get().exitCode()).as("never ended").isEqualTo(-1);
  }

  @Test
  void probeSections_matchTheScript() throws IOException {
    String script;
    try (InputStream in = getClass().getResourceAsStream("/probe/round1.sh")) {
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Set<String> inScript = new TreeSet<>();
    Matcher m = Pattern.compile("(?m)^sec (\\S+) ").matcher(script);
    while (m.find()) inScript.add(m.group(1));
    Set<String> inEnum = new TreeSet<>();
    Arrays.stream(ProbeSection.values()).forEach(s -> inEnum.add(s.id()));
    assertThat(inScript).isEqualTo(inEnum);
  }
}
