package dev.infradoc.collect.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openrewrite.InMemoryExecutionContext;
import org.openrewrite.Parser;
import org.openrewrite.SourceFile;
import org.openrewrite.Tree;
import org.openrewrite.hcl.HclParser;
import org.openrewrite.hcl.HclVisitor;
import org.openrewrite.hcl.tree.Hcl;

/**
 * HclParsing builds the tree itself (SLL prediction first, its own print-back check) instead of
 * calling rewrite-hcl's HclParser: for every Terraform file of the fixtures, and for text the
 * grammar handles in special ways, it must give what HclParser gives, node for node, and accept
 * exactly the files HclParser parses without error. Guards a rewrite-hcl upgrade.
 */
class HclParsingEquivalenceTest {

  static Stream<Path> fixtures() throws IOException {
    try (Stream<Path> s = Files.walk(Path.of("src/test/resources"))) {
      return s.filter(p -> p.toString().endsWith(".tf")).sorted().toList().stream();
    }
  }

  static Stream<String> specialTexts() {
    return Stream.of("", "\uFEFFa = 1\n", "a = \"%{ if x }y%{ endif }\"\n", "resource \"a\" \"b\" {\n",
        "a = <<EOT\nhello ${x}\nEOT\n", "a = x ? y : z\nb = [for k, v in m : v if k]\n",
        "a = -1 * 2 + 3 > 4 && !b || c\n", "r \"x\" {\r\n  a = 1\r\n}\r\n", "a = {\n b = 1\n c = [1, 2]}\n",
        "a = f(x...)\nb = x[*].y\nc = x.*.y\n", "a b c d", "}}}", "a = \"${\"");
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void fixtureFiles(Path file) throws IOException {
    assertSameAsHclParser(Files.readString(file));
  }

  @ParameterizedTest
  @MethodSource("specialTexts")
  void specialText(String text) {
    assertSameAsHclParser(text);
  }

  private static void assertSameAsHclParser(String text) {
    List<String> errors = new ArrayList<>();
    SourceFile theirs = HclParser.builder().build()
        .parseInputs(List.of(Parser.Input.fromString(Path.of("main.tf"), text)), null,
            new InMemoryExecutionContext(t -> errors.add(String.valueOf(t.getMessage()))))
        .findFirst().orElseThrow();
    boolean clean = theirs instanceof Hcl.ConfigFile
        && errors.stream().allMatch(e -> e.contains("token recognition error at: '%{'"));
    HclParsing.Result ours = HclParsing.parse(text, "main.tf");
    assertEquals(clean, ours.file() != null, "accepted by HclParser vs by HclParsing: " + ours.error());
    if (ours.file() == null) return;
    assertEquals(shape(theirs), shape(ours.file().tree()));
    assertEquals(((Hcl.ConfigFile) theirs).printAll(), ours.file().tree().printAll());
  }

  /** Every node's type and its text as printed, in tree order. */
  private static List<String> shape(Tree tree) {
    List<String> out = new ArrayList<>();
    new HclVisitor<List<String>>() {
      @Override
      public Hcl visit(Tree t, List<String> p) {
        if (t instanceof Hcl h) p.add(h.getClass().getSimpleName() + " " + h.printTrimmed(getCursor()));
        return super.visit(t, p);
      }
    }.visit(tree, out);
    return out;
  }
}
