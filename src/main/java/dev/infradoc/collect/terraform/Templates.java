package dev.infradoc.collect.terraform;

import dev.infradoc.collect.terraform.TfValue.Bool;
import dev.infradoc.collect.terraform.TfValue.Num;
import dev.infradoc.collect.terraform.TfValue.Str;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openrewrite.hcl.tree.BodyContent;
import org.openrewrite.hcl.tree.Expression;
import org.openrewrite.hcl.tree.Hcl;

/**
 * Renders a Terraform template (what templatefile() reads): {@code ${expr}} interpolations,
 * {@code %{if}/%{else}/%{endif}} and {@code %{for}/%{endfor}} directives, {@code ~} strip markers,
 * {@code $${} and {@code %%{} escapes. Gives null when anything in it is not known (or not valid):
 * the call then stays as written.
 */
final class Templates {
  private static final int MAX_OUTPUT = 1 << 20;

  private Templates() {}

  /** A piece of a template. */
  private sealed interface Part {}

  private record Lit(String text) implements Part {}

  private record Interp(String expr) implements Part {}

  private record If(String cond, List<Part> then, List<Part> otherwise) implements Part {}

  private record For(List<String> names, String collection, List<Part> body) implements Part {}

  /** A template file rendered with only {@code vars} in scope (templatefile()), or null. */
  static String render(String template, Map<String, TfValue> vars, Scope outer) {
    return render(template, withFiles(outer).bind(vars), false);
  }

  /**
   * A template written in the code (a quoted string or heredoc with directives), seeing the
   * module's names; quoted strings interpret backslash escapes in their literal text. Or null.
   */
  static String renderInline(String template, Scope scope, boolean escapes) {
    return render(template, scope, escapes);
  }

  private static String render(String template, Scope scope, boolean escapes) {
    try {
      List<Object> tokens = tokens(template);
      if (escapes) tokens.replaceAll(t -> t instanceof String s ? Evaluator.unescape(s) : t);
      int[] at = {0};
      List<Part> parts = parse(tokens, at, List.of());
      if (parts == null || at[0] != tokens.size()) return null;
      StringBuilder out = new StringBuilder();
      return render(parts, scope, out) ? out.toString() : null;
    } catch (RuntimeException | StackOverflowError e) {
      return null;
    }
  }

  /** Templates see only their variables (and functions), not the module's names. */
  private static Scope withFiles(Scope outer) {
    TfFiles files = outer == null ? null : outer.files();
    return new Scope() {
      public TfValue binding(String name) {
        return null;
      }

      public TfValue member(String root, String name) {
        return null;
      }

      public TfFiles files() {
        return files;
      }
    };
  }

  /** A directive's text ("if x", "endfor"), its strip markers applied around it. */
  private record Directive(String text) {}

  private static List<Object> tokens(String s) {
    List<Object> out = new ArrayList<>();
    StringBuilder lit = new StringBuilder();
    boolean stripNext = false;
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      boolean open = (c == '$' || c == '%') && i + 1 < s.length() && s.charAt(i + 1) == '{';
      if ((c == '$' || c == '%') && i + 2 < s.length() && s.charAt(i + 1) == c && s.charAt(i + 2) == '{') {
        lit.append(c).append('{');
        i += 3;
        continue;
      }
      if (!open) {
        lit.append(c);
        i++;
        continue;
      }
      int end = TfJson.closing(s, i + 2);
      if (end < 0) throw new IllegalArgumentException("unclosed");
      String inner = s.substring(i + 2, end);
      boolean stripBefore = inner.startsWith("~");
      boolean stripAfter = inner.endsWith("~") && inner.length() > (stripBefore ? 1 : 0);
      if (stripBefore) inner = inner.substring(1);
      if (stripAfter) inner = inner.substring(0, inner.length() - 1);
      String text = lit.toString();
      if (stripNext) text = text.stripLeading();
      if (stripBefore) text = text.stripTrailing();
      if (!text.isEmpty()) out.add(text);
      lit.setLength(0);
      out.add(c == '$' ? new Interp(inner.strip()) : new Directive(inner.strip()));
      stripNext = stripAfter;
      i = end + 1;
    }
    String text = stripNext ? lit.toString().stripLeading() : lit.toString();
    if (!text.isEmpty()) out.add(text);
    return out;
  }

  /** Parts until one of {@code ends} (a directive keyword), which is left at {@code at}. */
  private static List<Part> parse(List<Object> tokens, int[] at, List<String> ends) {
    List<Part> out = new ArrayList<>();
    while (at[0] < tokens.size()) {
      Object t = tokens.get(at[0]);
      if (t instanceof String s) {
        out.add(new Lit(s));
        at[0]++;
      } else if (t instanceof Interp i) {
        out.add(i);
        at[0]++;
      } else {
        String d = ((Directive) t).text();
        String word = d.split("\\s+", 2)[0];
        if (ends.contains(word)) return out;
        at[0]++;
        if (word.equals("if")) {
          List<Part> then = parse(tokens, at, List.of("else", "endif"));
          List<Part> otherwise = List.of();
          if (at[0] < tokens.size() && ((Directive) tokens.get(at[0])).text().equals("else")) {
            at[0]++;
            otherwise = parse(tokens, at, List.of("endif"));
          }
          if (!closes(tokens, at, "endif")) return null;
          out.add(new If(d.substring(2).strip(), then, otherwise));
        } else if (word.equals("for")) {
          String rest = d.substring(3).strip();
          int in = rest.indexOf(" in ");
          if (in < 0) return null;
          List<String> names = List.of(rest.substring(0, in).split("\\s*,\\s*"));
          List<Part> body = parse(tokens, at, List.of("endfor"));
          if (!closes(tokens, at, "endfor")) return null;
          out.add(new For(names.stream().map(String::strip).toList(), rest.substring(in + 4).strip(), body));
        } else {
          return null;
        }
      }
    }
    return out;
  }

  private static boolean closes(List<Object> tokens, int[] at, String word) {
    if (at[0] >= tokens.size() || !(tokens.get(at[0]) instanceof Directive d) || !d.text().equals(word)) return false;
    at[0]++;
    return true;
  }

  private static boolean render(List<Part> parts, Scope scope, StringBuilder out) {
    for (Part p : parts) {
      if (out.length() > MAX_OUTPUT) return false;
      if (p instanceof Lit l) {
        out.append(l.text());
      } else if (p instanceof Interp i) {
        TfValue v = eval(i.expr(), scope);
        if (!(v instanceof Str || v instanceof Num || v instanceof Bool)) return false;
        out.append(v.display());
      } else if (p instanceof If f) {
        if (!(eval(f.cond(), scope) instanceof Bool b)) return false;
        if (!render(b.value() ? f.then() : f.otherwise(), scope, out)) return false;
      } else if (p instanceof For f) {
        List<Map.Entry<TfValue, TfValue>> pairs = Evaluator.pairs(eval(f.collection(), scope));
        if (pairs == null || f.names().size() > 2) return false;
        for (Map.Entry<TfValue, TfValue> pair : pairs) {
          Map<String, TfValue> names = new LinkedHashMap<>();
          if (f.names().size() == 1) {
            names.put(f.names().get(0), pair.getValue());
          } else {
            names.put(f.names().get(0), pair.getKey());
            names.put(f.names().get(1), pair.getValue());
          }
          if (!render(f.body(), scope.bind(names), out)) return false;
        }
      }
    }
    return true;
  }

  /** An expression written in a template, parsed as HCL and evaluated; unknown when it does not parse. */
  private static TfValue eval(String expr, Scope scope) {
    HclParsing.Result r = HclParsing.parse("x = " + expr.replace('\n', ' ') + "\n", "template");
    if (r.file() == null) return new TfValue.Unknown(expr);
    for (BodyContent c : r.file().tree().getBody()) {
      if (c instanceof Hcl.Attribute a) {
        Expression e = a.getValue();
        return Evaluator.eval(e, scope);
      }
    }
    return new TfValue.Unknown(expr);
  }
}
