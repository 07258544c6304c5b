package dev.infradoc.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputWriterTest {
  @TempDir Path tmp;

  @Test
  void aPageThePreviousRunWroteAndThisOneDidNotIsRemoved() throws Exception {
    Path out = tmp.resolve("docs");
    OutputWriter.write(out, Map.of("architecture.md", "a", "hosts/web01.md", "1", "hosts/web02.md", "2"));
    Files.writeString(out.resolve("notes.md"), "the user's own file");

    OutputWriter.write(out, Map.of("architecture.md", "b", "hosts/web01.md", "1 again"));

    assertThat(out.resolve("hosts/web02.md")).doesNotExist();
    assertThat(out.resolve("hosts/web01.md")).hasContent("1 again");
    assertThat(out.resolve("architecture.md")).hasContent("b");
    assertThat(out.resolve("notes.md")).hasContent("the user's own file");
  }

  @Test
  void aListNamingFilesOutsideTheFolderRemovesNothingThere() throws Exception {
    Path out = tmp.resolve("docs");
    Files.createDirectories(out);
    Path outside = Files.writeString(tmp.resolve("precious.txt"), "keep");
    Files.writeString(out.resolve(OutputWriter.WRITTEN), "../precious.txt\n" + outside + "\n");

    OutputWriter.write(out, Map.of("architecture.md", "a"));

    assertThat(outside).hasContent("keep");
    assertThat(out.resolve(OutputWriter.WRITTEN)).hasContent("architecture.md");
  }

  @Test
  void withoutAListFromAnEarlierRunNothingIsRemoved() throws Exception {
    Path out = tmp.resolve("docs");
    Files.createDirectories(out.resolve("hosts"));
    Files.writeString(out.resolve("hosts/old.md"), "written by an InfraDoc that kept no list");

    OutputWriter.write(out, Map.of("architecture.md", "a"));

    assertThat(out.resolve("hosts/old.md")).exists();
  }
}
