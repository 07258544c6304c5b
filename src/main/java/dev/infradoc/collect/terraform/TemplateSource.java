package dev.infradoc.collect.terraform;

import java.util.List;
import org.openrewrite.hcl.tree.Expression;
import org.openrewrite.hcl.tree.Hcl;

/** The file a {@code file(...)} or {@code templatefile(...)} call reads, for citing its lines. */
record TemplateSource(String path, String text) {

  /** The file the expression reads, or null when it is not such a call or the file is not readable. */
  static TemplateSource of(Expression value, Scope scope) {
    if (!(value instanceof Hcl.FunctionCall f) || scope.files() == null) return null;
    String name = f.getName().getName();
    if (!name.equals("file") && !name.equals("templatefile") || f.getVariables().isEmpty()) return null;
    if (!(Evaluator.eval(f.getVariables().get(0), scope) instanceof TfValue.Str p)) return null;
    String rel = scope.files().relative(p.value());
    String text = rel == null ? null : scope.files().read(p.value());
    return text == null ? null : new TemplateSource(rel, text);
  }

  /** The first line (1-based) that contains {@code text}, or 0. */
  int lineOf(String text) {
    List<String> lines = text().lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) return i + 1;
    }
    return 0;
  }

  /** Line {@code n} (1-based) of the file, trimmed, or "". */
  String line(int n) {
    List<String> lines = text.lines().toList();
    return n >= 1 && n <= lines.size() ? lines.get(n - 1).strip() : "";
  }
}
