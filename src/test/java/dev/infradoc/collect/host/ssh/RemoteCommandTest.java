package dev.infradoc.collect.host.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RemoteCommandTest {

  /** What a POSIX shell makes of a command line: each word on its own line, as sh parsed it. */
  private static String parsedBySh(String commandLine) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("/bin/sh", "-c", "set -- " + commandLine + "; printf '<%s>\\n' \"$@\"").start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).isZero();
    return out;
  }

  @Test
  void line_isParsedByShBackIntoTheExactWords() throws Exception {
    String script = "echo 'it''s' \"$HOME\" `id` $(id) \\\n; exit 0";
    String line = RemoteCommand.line(false, script, List.of("a'b", "", "$x", "*"));

    assertThat(parsedBySh(line)).isEqualTo("<sh>\n<-c>\n<" + script + ">\n<infradoc>\n<a'b>\n<>\n<$x>\n<*>\n");
  }

  @Test
  void line_startsWithSudoNonInteractive_whenSudoIsAsked() {
    assertThat(RemoteCommand.line(true, "id", List.of())).isEqualTo("sudo -n sh -c 'id' infradoc");
  }

  @Test
  void quote_escapesEmbeddedSingleQuotes() {
    assertThat(RemoteCommand.quote("a'b")).isEqualTo("'a'\\''b'");
  }

  @Test
  void quote_refusesNulBytes_whichNoCommandLineCanCarry() {
    assertThatThrownBy(() -> RemoteCommand.quote("a\0b")).isInstanceOf(IllegalArgumentException.class);
  }
}
