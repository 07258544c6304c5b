package dev.infradoc.collect.terraform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.openrewrite.hcl.internal.HclParserVisitor;
import org.openrewrite.hcl.internal.grammar.HCLLexer;
import org.openrewrite.hcl.internal.grammar.HCLParser;
import org.openrewrite.hcl.tree.Hcl;

/**
 * Parses one HCL file with rewrite-hcl's grammar and tree builder; a file that does not parse gives
 * its first error as {@code line:col: what}.
 *
 * <p>This does what rewrite-hcl's {@code HclParser} does for one input, with two savings that
 * matter on large trees: the parser first predicts in ANTLR's SLL mode, which ANTLR guarantees
 * gives either the same tree as its default (LL) mode or a syntax error, and only a file where SLL
 * fails is parsed again in LL mode; and the tree is printed once (by {@link HclFile}, which needs the
 * text anyway) to check it prints back exactly, not a second time by the library.
 */
final class HclParsing {
  private static final Pattern AT = Pattern.compile("at line (\\d+):(\\d+) (.*)", Pattern.DOTALL);
  private static final char BOM = '\uFEFF';

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
    // A byte order mark is not part of the text the grammar sees (nor of what the tree prints).
    boolean bom = !text.isEmpty() && text.charAt(0) == BOM;
    String source = bom ? text.substring(1) : text;
    List<String> errors = new ArrayList<>();
    HclFile parsed;
    try {
      parsed = new HclFile(relPath, tree(source, Path.of(relPath), bom, errors));
      if (!parsed.text().equals(source)) parsed = null; // a tree that does not print back exactly is not trusted
    } catch (RuntimeException | StackOverflowError e) {
      // Deep nesting overflows the recursive-descent parser; hostile input must not end the scan.
      errors.add(position(e.getMessage()));
      parsed = null;
    }
    // The grammar lacks template directives (%{if}, %{for}); the parser gets past them and the tree
    // still prints back exactly. Any other error means Terraform would reject the file too.
    List<String> other = errors.stream().filter(e -> !e.contains("token recognition error at: '%{'")).toList();
    if (parsed != null && other.isEmpty()) return new Result(parsed, null, List.copyOf(errors));
    if (!other.isEmpty()) return new Result(null, other.get(0), List.of());
    return new Result(null, errors.isEmpty() ? "1:1: not valid HCL" : errors.get(0), List.of());
  }

  private static Hcl.ConfigFile tree(String source, Path path, boolean bom, List<String> errors) {
    BaseErrorListener listener = new BaseErrorListener() {
      @Override
      public void syntaxError(Recognizer<?, ?> recognizer, Object symbol, int line, int column, String msg,
          RecognitionException e) {
        errors.add(position(String.format("Syntax error in %s at line %d:%d %s.", path, line, column, msg)));
      }
    };
    HCLParser.ConfigFileContext context;
    try {
      HCLParser sll = parser(source, listener);
      sll.removeErrorListeners();
      sll.setErrorHandler(new BailErrorStrategy());
      sll.getInterpreter().setPredictionMode(PredictionMode.SLL);
      context = sll.configFile();
    } catch (ParseCancellationException e) {
      errors.clear(); // start again from the first character, reporting as the one LL pass does
      context = parser(source, listener).configFile();
    }
    return (Hcl.ConfigFile) new HclParserVisitor(path, source, StandardCharsets.UTF_8, bom, null).visitConfigFile(context);
  }

  private static HCLParser parser(String source, BaseErrorListener listener) {
    HCLLexer lexer = new HCLLexer(CharStreams.fromString(source));
    lexer.removeErrorListeners();
    lexer.addErrorListener(listener);
    HCLParser parser = new HCLParser(new CommonTokenStream(lexer));
    parser.removeErrorListeners();
    parser.addErrorListener(listener);
    return parser;
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
