package dev.infradoc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scan --format on a repository fixture (no host needed): which files are written, and a bad format is a usage error. */
class ScanFormatTest {
  private static final String REPO = "src/test/resources/golden-terraform/aws-three-tier/input";
  @TempDir Path out;

  private int scan(StringWriter err, String... args) {
    String[] all = new String[args.length + 4];
    all[0] = "scan";
    all[1] = "--no-store"; // tests keep nothing in ~/.infradoc/history
    all[2] = REPO;
    System.arraycopy(args, 0, all, 3, args.length);
    all[all.length - 1] = out.toString();
    return Main.run(all, new PrintWriter(new StringWriter()), new PrintWriter(err, true));
  }

  @Test
  void scan_writesTheSiteAndWorkspace_whenFormatIsAll() throws Exception {
    StringWriter err = new StringWriter();
    int code = scan(err, "--format", "all", "--out");
    assertThat(code).as(err.toString()).isZero();
    for (String f : new String[] {"architecture.md", "diagrams.md", "security.md", "model.json", "findings.sarif",
        "workspace.dsl", "site/index.html", "site/findings.html", "site/assets/mermaid.min.js"}) {
      assertThat(out.resolve(f)).as(f).exists();
    }
    assertThat(err.toString()).contains("open site/index.html");
  }

  @Test
  void scan_writesOnlyTheNamedFormats() throws Exception {
    StringWriter err = new StringWriter();
    int code = scan(err, "--format", "structurizr", "--out");
    assertThat(code).as(err.toString()).isZero();
    try (var files = Files.list(out)) {
      // The named format, and the list of what this run wrote (so the next run can remove what it no longer writes).
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("workspace.dsl",
          dev.infradoc.pipeline.OutputWriter.WRITTEN);
    }
  }

  @Test
  void scan_isAUsageError_forAnUnknownFormat() {
    StringWriter err = new StringWriter();
    assertThat(scan(err, "--format", "pdf", "--out")).isEqualTo(ExitCode.USAGE);
    assertThat(err.toString()).contains("unknown format 'pdf'");
  }
}
