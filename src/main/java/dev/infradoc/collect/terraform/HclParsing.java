package dev.infradoc.collect.terraform;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openrewrite.InMemoryExecutionContext;
import org.openrewrite.Parser;
import org.openrewrite.SourceFile;
import org.openrewrite.hcl.HclParser;
import org.openrewrite.hcl.tree.Hcl;

/** Parses one HCL file with rewrite-hcl; a file that does not parse gives its first error as {@code line:col: what}. */
final class HclParsing {
  private static final Pattern AT = Pattern.compile("at line (\\d+):(\\d+) (.*)", Pattern.DOTALL);

  /** A parsed file, or why it could not be parsed; {@code recovered} lists errors the parser got past. */
  record Result(HclFile file, String error, List<String> recovered) {}

  private HclParsing() {}

  static Result parse(Path file, String relPath) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return new Result(null, "1:1: cannot be read: " + e.getMessage(), List.of());
    }
    if (TfJson.isTfJson(file.getFileName().toString())) return TfJson.parse(text, relPath, ResourceTypes.jsonMapAttributes());
    return parse(text, relPath);
  }

  /** Parses text as the file {@code relPath}; never throws, and an error always starts with {@code line:col: }. */
  static Result parse(String text, String relPath) {
    List<String> errors = new ArrayList<>();
    InMemoryExecutionContext ctx = new InMemoryExecutionContext(t -> errors.add(position(t.getMessage())));
    SourceFile sf;
    try {
      sf = HclParser.builder().build()
          .parseInputs(List.of(Parser.Input.fromString(Path.of(relPath), text)), null, ctx)
          .findFirst().orElse(null);
    } catch (RuntimeException | StackOverflowError e) {
      // Deep nesting overflows the recursive-descent parser; hostile input must not end the scan.
      return new Result(null, "1:1: " + (e instanceof StackOverflowError ? "nested too deeply to parse" : firstLine(e.getMessage())), List.of());
    }
    // The grammar lacks template directives (%{if}, %{for}); the parser gets past them and the tree
    // still prints back exactly. Any other error means Terraform would reject the file too.
    List<String> other = errors.stream().filter(e -> !e.contains("token recognition error at: '%{'")).toList();
    if (sf instanceof Hcl.ConfigFile cf && other.isEmpty()) {
      try {
        return new Result(new HclFile(relPath, cf), null, List.copyOf(errors));
      } catch (RuntimeException | StackOverflowError e) {
        return new Result(null, "1:1: nested too deeply to read", List.of());
      }
    }
    if (!other.isEmpty()) return new Result(null, other.get(0), List.of());
    return new Result(null, errors.isEmpty() ? "1:1: not valid HCL" : errors.get(0), List.of());
  }

  private static String firstLine(String s) {
    return s == null ? "not valid HCL" : s.lines().findFirst().orElse("not valid HCL");
  }

  /** "Syntax error in x.tf at line 5:0 mismatched input" to "5:1: mismatched input" (1-based column). */
  private static String position(String message) {
    if (message == null) return "1:1: syntax error";
    Matcher m = AT.matcher(message);
    if (!m.find()) return "1:1: " + message.strip();
    int col = Integer.parseInt(m.group(2)) + 1;
    String what = m.group(3).strip().replaceAll("\\s+", " ");
    if (what.endsWith(".")) what = what.substring(0, what.length() - 1);
    return m.group(1) + ":" + col + ": " + what;
  }
}
