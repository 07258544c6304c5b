package dev.infradoc.collect.terraform;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.openrewrite.Cursor;
import org.openrewrite.PrintOutputCapture;
import org.openrewrite.hcl.internal.HclPrinter;
import org.openrewrite.hcl.tree.Hcl;
import org.openrewrite.hcl.tree.Space;

/**
 * One parsed HCL file with the line of every node. The tree keeps no positions, but it prints back
 * exactly, so printing it once and noting where each node's own text starts gives them.
 */
final class HclFile {
  private final String path;
  private final Hcl.ConfigFile tree;
  private final Map<UUID, Integer> offsets = new HashMap<>();
  private final int[] lineStarts;
  private final String text;
  /** For a file written from another syntax (.tf.json): the source line of each written line, and the source. */
  private final int[] sourceLines;
  private final int[] sourceStarts;
  private final String source;

  HclFile(String path, Hcl.ConfigFile tree) {
    this.path = path;
    this.tree = tree;
    PrintOutputCapture<Integer> out = new PrintOutputCapture<>(0);
    new HclPrinter<Integer>() {
      @Override
      public Space visitSpace(Space space, Space.Location loc, PrintOutputCapture<Integer> p) {
        Space result = super.visitSpace(space, loc, p);
        Object node = getCursor().getValue();
        if (node instanceof Hcl h && h.getPrefix() == space) {
          offsets.putIfAbsent(h.getId(), p.out.length()); // not getOut(): it copies the whole text each time
        }
        return result;
      }
    }.visit(tree, out);
    this.text = out.getOut();
    this.lineStarts = starts(text);
    this.sourceLines = null;
    this.sourceStarts = lineStarts;
    this.source = text;
  }

  private HclFile(HclFile written, int[] sourceLines, String source) {
    this.path = written.path;
    this.tree = written.tree;
    this.offsets.putAll(written.offsets);
    this.lineStarts = written.lineStarts;
    this.text = written.text;
    this.sourceLines = sourceLines;
    this.source = source;
    this.sourceStarts = starts(source);
  }

  /**
   * This file as the translation of {@code source} (a .tf.json file): {@code sourceLines[i]} is the
   * source line written line i+1 stands for; lines and excerpts then point into the source.
   */
  HclFile withSource(int[] sourceLines, String source) {
    return new HclFile(this, sourceLines, source);
  }

  private static int[] starts(String text) {
    int[] starts = new int[16];
    int n = 0;
    starts[n++] = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        if (n == starts.length) starts = Arrays.copyOf(starts, n * 2);
        starts[n++] = i + 1;
      }
    }
    return Arrays.copyOf(starts, n);
  }

  /** The file's path relative to the scanned target, with forward slashes. */
  String path() {
    return path;
  }

  /** The file's text as the tree prints it. */
  String text() {
    return text;
  }

  Hcl.ConfigFile tree() {
    return tree;
  }

  /** 1-based line where the node's own text starts (after its leading whitespace and comments). */
  int line(Hcl node) {
    Integer offset = offsets.get(node.getId());
    if (offset == null) return 1;
    int i = Arrays.binarySearch(lineStarts, offset);
    int line = i >= 0 ? i + 1 : -i - 1;
    return sourceLines == null ? line : sourceLines[Math.min(line, sourceLines.length) - 1];
  }

  /** {@code path:line} of a node. */
  String locator(Hcl node) {
    return path + ":" + line(node);
  }

  int lineCount() {
    return source.endsWith("\n") ? sourceStarts.length - 1 : sourceStarts.length;
  }

  /** The node as written, without its leading whitespace. */
  String source(Hcl node) {
    return node.printTrimmed(new Cursor(null, tree));
  }

  /** A 1-based line of the file, trimmed; null when there is no such line. */
  String textOfLine(int line) {
    if (line < 1 || line > sourceStarts.length) return null;
    int start = sourceStarts[line - 1];
    int end = line < sourceStarts.length ? sourceStarts[line] - 1 : source.length();
    return source.substring(start, Math.max(start, end)).strip();
  }

  /** The source line where the node starts, trimmed. */
  String lineText(Hcl node) {
    String t = textOfLine(line(node));
    return t == null ? "" : t;
  }
}
