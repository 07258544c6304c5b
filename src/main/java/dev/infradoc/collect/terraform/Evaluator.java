package dev.infradoc.collect.terraform;

import dev.infradoc.collect.terraform.TfValue.Bool;
import dev.infradoc.collect.terraform.TfValue.ListV;
import dev.infradoc.collect.terraform.TfValue.MapV;
import dev.infradoc.collect.terraform.TfValue.Null;
import dev.infradoc.collect.terraform.TfValue.Num;
import dev.infradoc.collect.terraform.TfValue.Str;
import dev.infradoc.collect.terraform.TfValue.Unknown;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openrewrite.Cursor;
import org.openrewrite.hcl.tree.Expression;
import org.openrewrite.hcl.tree.Hcl;

/**
 * Evaluates HCL expressions as far as the code determines them. Anything that depends on what
 * only exists after apply (resource attributes, data sources, files) stays as written.
 */
final class Evaluator {
  /** Printing a node needs an enclosing source file; any file will do, so an empty one is parsed once. */
  private static final Cursor ROOT = new Cursor(new Cursor(null, Cursor.ROOT_VALUE),
      org.openrewrite.hcl.HclParser.builder().build().parse("").findFirst().orElseThrow());

  private Evaluator() {}

  private static final java.util.regex.Pattern LINE_BREAK = java.util.regex.Pattern.compile("\\s*\\n\\s*");

  /** The expression as written, on one line. */
  static String text(Hcl e) {
    if (e == null) return "";
    String s = e.printTrimmed(ROOT);
    return s.indexOf('\n') < 0 ? s : LINE_BREAK.matcher(s).replaceAll(" ");
  }

  static TfValue eval(Expression e, Scope scope) {
    if (e == null) return new Unknown("");
    try {
      return evalOrNull(e, scope);
    } catch (RuntimeException ex) {
      // An expression this evaluator gets wrong must not stop the scan; it stays as written.
      return new Unknown(text(e));
    }
  }

  private static TfValue evalOrNull(Expression e, Scope scope) {
    Traversal t = Traversal.of(e);
    if (t != null) return traversal(t, scope);
    if (e instanceof Hcl.Literal l) return literal(l);
    if (e instanceof Hcl.QuotedTemplate q) return template(q.getExpressions(), scope, e, false, true);
    if (e instanceof Hcl.HeredocTemplate h) {
      return template(h.getExpressions(), scope, e, h.getArrow().equals("<<-"), false);
    }
    if (e instanceof Hcl.TemplateInterpolation ti) return eval(ti.getExpression(), scope);
    if (e instanceof Hcl.Parentheses p) return eval(p.getExpression(), scope);
    if (e instanceof Hcl.Tuple tu) {
      List<TfValue> items = new ArrayList<>();
      // "[]" holds one empty element in the parser's tree.
      tu.getValues().stream().filter(v -> !(v instanceof Hcl.Empty)).forEach(v -> items.add(eval(v, scope)));
      return new ListV(items);
    }
    if (e instanceof Hcl.ObjectValue o) return object(o, scope);
    if (e instanceof Hcl.Conditional c) {
      TfValue cond = eval(c.getCondition(), scope);
      if (cond instanceof Bool b) return eval(b.value() ? c.getTruePart() : c.getFalsePart(), scope);
      return new Unknown(text(e));
    }
    if (e instanceof Hcl.Unary u) {
      TfValue v = eval(u.getExpression(), scope);
      if (u.getOperator() == Hcl.Unary.Type.Not && v instanceof Bool b) return new Bool(!b.value());
      if (u.getOperator() == Hcl.Unary.Type.Negative && v instanceof Num n) return new Num(n.value().negate());
      return new Unknown(text(e));
    }
    if (e instanceof Hcl.Binary b) return binary(b, scope);
    if (e instanceof Hcl.FunctionCall f) {
      String name = f.getName().getName();
      if (name.equals("try") || name.equals("can")) return attempt(f, scope);
      List<TfValue> args = new ArrayList<>();
      f.getVariables().forEach(a -> args.add(eval(a, scope)));
      TfValue v = FileFunctions.handles(name) ? FileFunctions.call(name, args, scope) : TfFunctions.call(name, args);
      return v != null ? v : new Unknown(text(e));
    }
    if (e instanceof Hcl.AttributeAccess a) {
      // A step on something that is not a name: merge(...).key, jsondecode(...)["k"].
      return after(eval(a.getAttribute(), scope), new Traversal.Attr(a.getPadding().getName().getElement().getName()), scope, e);
    }
    if (e instanceof Hcl.Index i) {
      return after(eval(i.getIndexed(), scope), new Traversal.Index(i.getPosition().getPosition()), scope, e);
    }
    if (e instanceof Hcl.ForTuple ft) return forTuple(ft, scope);
    if (e instanceof Hcl.ForObject fo) return forObject(fo, scope);
    return new Unknown(text(e));
  }

  /**
   * try(): the first argument that is known, skipping those that certainly fail (a known object
   * without the attribute); can(): whether its argument works. An argument that is not known
   * might work or fail at apply, so the call stays as written.
   */
  private static TfValue attempt(Hcl.FunctionCall f, Scope scope) {
    boolean can = f.getName().getName().equals("can");
    List<Expression> args = f.getVariables();
    if (can && args.size() != 1 || args.isEmpty()) return new Unknown(text(f));
    for (Expression a : args) {
      if (fails(a, scope)) continue;
      TfValue v = eval(a, scope);
      if (!v.known()) return new Unknown(text(f));
      return can ? new Bool(true) : v;
    }
    return can ? new Bool(false) : new Unknown(text(f));
  }

  /** True when the expression is a reference into a known value that does not have what it asks for. */
  static boolean fails(Expression e, Scope scope) {
    Traversal t = Traversal.of(e);
    if (t == null) return false;
    Start start = start(t, scope);
    if (start == null) return false;
    TfValue v = start.value();
    for (Traversal.Step step : t.steps().subList(start.from(), t.steps().size())) {
      if (v instanceof Unknown) return false;
      if (step instanceof Traversal.Attr a) {
        if (!(v instanceof MapV m)) return !(v instanceof ListV);
        v = m.entries().get(a.name());
      } else if (step instanceof Traversal.Index ix) {
        TfValue key = eval(ix.key(), scope);
        if (!key.known()) return false;
        if (!indexable(v, key)) return v instanceof Null || v instanceof Str || v instanceof Num || v instanceof Bool;
        v = index(v, key);
      } else {
        return false;
      }
      if (v == null) return true;
    }
    return false;
  }

  private static TfValue literal(Hcl.Literal l) {
    Object v = l.getValue();
    if (v == null) return new Null();
    if (v instanceof Boolean b) return new Bool(b);
    if (v instanceof Number) return new Num(new BigDecimal(l.getValueSource()));
    return new Str(v.toString());
  }

  /** Quoted strings interpret backslash escapes; heredocs take their text as it is. */
  private static TfValue template(List<Expression> parts, Scope scope, Expression whole, boolean dedent, boolean escapes) {
    // Template directives (%{if}, %{for}) are not in the parser's grammar: the template is rendered
    // from its text as written instead, and stays as written when anything in it is not known.
    if (text(whole).contains("%{")) {
      String body = templateBody(whole);
      String out = body == null ? null : Templates.renderInline(body, scope, whole instanceof Hcl.QuotedTemplate);
      return out == null ? new Unknown(text(whole)) : new Str(dedent ? dedent(out) : out);
    }
    StringBuilder sb = new StringBuilder();
    for (Expression part : parts) {
      if (part instanceof Hcl.Literal l) {
        String text = l.getValue() == null ? l.getValueSource() : l.getValue().toString();
        sb.append(escapes ? unescape(text) : text);
        continue;
      }
      TfValue v = eval(part, scope);
      if (!(v instanceof Str || v instanceof Num || v instanceof Bool)) return new Unknown(text(whole));
      sb.append(v.display());
    }
    String s = sb.toString();
    return new Str(dedent ? dedent(s) : s);
  }

  /** The text inside a quoted string's quotes, or a heredoc's lines (with their final newline); null if neither. */
  private static String templateBody(Expression whole) {
    String written = whole.printTrimmed(ROOT);
    if (whole instanceof Hcl.QuotedTemplate) {
      return written.length() >= 2 && written.startsWith("\"") && written.endsWith("\"")
          ? written.substring(1, written.length() - 1) : null;
    }
    int first = written.indexOf('\n');
    int last = written.lastIndexOf('\n');
    return first < 0 || last < first ? null : written.substring(first + 1, last + 1);
  }

  /** HCL's escapes in a quoted string: \n \r \t \" \\ \\uNNNN \\UNNNNNNNN; anything else is kept. */
  static String unescape(String s) {
    if (s.indexOf('\\') < 0) return s;
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 >= s.length()) {
        sb.append(c);
        continue;
      }
      char n = s.charAt(++i);
      switch (n) {
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case '"' -> sb.append('"');
        case '\\' -> sb.append('\\');
        case 'u', 'U' -> {
          int len = n == 'u' ? 4 : 8;
          try {
            sb.appendCodePoint(Integer.parseInt(s.substring(i + 1, i + 1 + len), 16));
            i += len;
          } catch (RuntimeException e) {
            sb.append('\\').append(n);
          }
        }
        default -> sb.append('\\').append(n);
      }
    }
    return sb.toString();
  }

  /** {@code <<-} heredocs drop the smallest indentation of their lines. */
  private static String dedent(String s) {
    String[] lines = s.split("\n", -1);
    int min = Integer.MAX_VALUE;
    for (String line : lines) {
      if (line.isBlank()) continue;
      int i = 0;
      while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) i++;
      min = Math.min(min, i);
    }
    if (min == Integer.MAX_VALUE) return s;
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) sb.append('\n');
      sb.append(lines[i].length() >= min ? lines[i].substring(min) : lines[i].strip());
    }
    return sb.toString();
  }

  private static TfValue object(Hcl.ObjectValue o, Scope scope) {
    Map<String, TfValue> entries = new LinkedHashMap<>();
    for (Expression a : o.getAttributes()) {
      if (a instanceof Hcl.Empty) continue;
      if (!(a instanceof Hcl.Attribute attr)) return new Unknown(text(o));
      String key = objectKey(attr.getName(), scope);
      if (key == null) return new Unknown(text(o));
      entries.put(key, eval(attr.getValue(), scope));
    }
    return new MapV(entries);
  }

  /** An object key: a bare name, a string, or a parenthesised expression that evaluates. */
  static String objectKey(Expression name, Scope scope) {
    if (name instanceof Hcl.Identifier id) return id.getName();
    if (name instanceof Hcl.VariableExpression v) return v.getName().getName();
    TfValue k = eval(name, scope);
    return k instanceof Str || k instanceof Num || k instanceof Bool ? k.display() : null;
  }

  /** Where a reference starts: a bound name (each, count, a for variable) or the root's first member, and the step after it. */
  private record Start(TfValue value, int from) {}

  private static Start start(Traversal t, Scope scope) {
    TfValue bound = scope.binding(t.root());
    if (bound != null) return new Start(bound, 0);
    String name = t.attr(0);
    TfValue member = name == null ? null : scope.member(t.root(), name);
    return member == null ? null : new Start(member, 1);
  }

  private static TfValue traversal(Traversal t, Scope scope) {
    Start start = start(t, scope);
    if (start == null) return new Unknown(text(t.expression()));
    TfValue v = steps(start.value(), t.steps().subList(start.from(), t.steps().size()), scope);
    // A value that is not fully known came from elsewhere (a caller, a module's output); what a
    // reader can follow is the reference as written here.
    return v != null && v.known() ? v : new Unknown(text(t.expression()));
  }

  private static TfValue after(TfValue base, Traversal.Step step, Scope scope, Expression whole) {
    if (!base.known()) return new Unknown(text(whole));
    TfValue v = steps(base, List.of(step), scope);
    return v != null && v.known() ? v : new Unknown(text(whole));
  }

  /** A list by number, or a map by string or number. */
  private static boolean indexable(TfValue v, TfValue key) {
    return v instanceof ListV && key instanceof Num || v instanceof MapV && (key instanceof Str || key instanceof Num);
  }

  /** The item at {@code key} of an indexable value, or null when there is none. */
  private static TfValue index(TfValue v, TfValue key) {
    if (v instanceof ListV l) {
      int k = ((Num) key).value().intValue();
      return k >= 0 && k < l.items().size() ? l.items().get(k) : null;
    }
    return ((MapV) v).entries().get(key.display());
  }

  private static TfValue steps(TfValue v, List<Traversal.Step> steps, Scope scope) {
    for (int i = 0; i < steps.size(); i++) {
      if (v instanceof Unknown) return null;
      Traversal.Step step = steps.get(i);
      if (step instanceof Traversal.Attr a) {
        v = v instanceof MapV m ? m.entries().get(a.name()) : null;
      } else if (step instanceof Traversal.Index ix) {
        TfValue key = eval(ix.key(), scope);
        v = indexable(v, key) ? index(v, key) : null;
      } else {
        List<TfValue> items = v instanceof ListV l ? l.items() : v instanceof Null ? List.of() : List.of(v);
        List<Traversal.Step> rest = steps.subList(i + 1, steps.size());
        List<TfValue> out = new ArrayList<>();
        for (TfValue item : items) {
          TfValue r = steps(item, rest, scope);
          if (r == null) return null;
          out.add(r);
        }
        return new ListV(out);
      }
      if (v == null) return null;
    }
    return v;
  }

  private static TfValue binary(Hcl.Binary b, Scope scope) {
    TfValue l = eval(b.getLeft(), scope);
    TfValue r = eval(b.getRight(), scope);
    Hcl.Binary.Type op = b.getOperator();
    if (op == Hcl.Binary.Type.Equal || op == Hcl.Binary.Type.NotEqual) {
      if (!l.known() || !r.known()) return new Unknown(text(b));
      boolean eq = l.equals(r);
      return new Bool(op == Hcl.Binary.Type.Equal ? eq : !eq);
    }
    if (op == Hcl.Binary.Type.And || op == Hcl.Binary.Type.Or) {
      if (l instanceof Bool x && r instanceof Bool y) {
        return new Bool(op == Hcl.Binary.Type.And ? x.value() && y.value() : x.value() || y.value());
      }
      return new Unknown(text(b));
    }
    BigDecimal x = TfFunctions.number(l);
    BigDecimal y = TfFunctions.number(r);
    if (x == null || y == null) return new Unknown(text(b));
    return switch (op) {
      case Addition -> new Num(x.add(y));
      case Subtraction -> new Num(x.subtract(y));
      case Multiplication -> new Num(x.multiply(y));
      case Division -> y.signum() == 0 ? new Unknown(text(b)) : new Num(x.divide(y, MathContext.DECIMAL64));
      case Modulo -> y.signum() == 0 ? new Unknown(text(b)) : new Num(x.remainder(y));
      case LessThan -> new Bool(x.compareTo(y) < 0);
      case GreaterThan -> new Bool(x.compareTo(y) > 0);
      case LessThanOrEqual -> new Bool(x.compareTo(y) <= 0);
      case GreaterThanOrEqual -> new Bool(x.compareTo(y) >= 0);
      default -> new Unknown(text(b));
    };
  }

  /** The (key, value) pairs a for expression or for_each walks, or null when not known. */
  static List<Map.Entry<TfValue, TfValue>> pairs(TfValue collection) {
    List<Map.Entry<TfValue, TfValue>> out = new ArrayList<>();
    if (collection instanceof ListV l) {
      for (int i = 0; i < l.items().size(); i++) out.add(Map.entry(Num.of(i), l.items().get(i)));
      return out;
    }
    if (collection instanceof MapV m) {
      m.entries().forEach((k, v) -> out.add(Map.entry(new Str(k), v)));
      return out;
    }
    return null;
  }

  private static Scope forScope(Hcl.ForIntro intro, Map.Entry<TfValue, TfValue> pair, Scope scope) {
    List<Hcl.Identifier> vars = intro.getVariables();
    Map<String, TfValue> names = new LinkedHashMap<>();
    if (vars.size() == 1) {
      names.put(vars.get(0).getName(), pair.getValue());
    } else {
      names.put(vars.get(0).getName(), pair.getKey());
      names.put(vars.get(1).getName(), pair.getValue());
    }
    return scope.bind(names);
  }

  private static TfValue forTuple(Hcl.ForTuple f, Scope scope) {
    List<Map.Entry<TfValue, TfValue>> pairs = pairs(eval(f.getIntro().getIn(), scope));
    if (pairs == null) return new Unknown(text(f));
    List<TfValue> out = new ArrayList<>();
    for (Map.Entry<TfValue, TfValue> pair : pairs) {
      Scope inner = forScope(f.getIntro(), pair, scope);
      if (f.getCondition() != null) {
        TfValue c = eval(f.getCondition(), inner);
        if (!(c instanceof Bool)) return new Unknown(text(f));
        if (!((Bool) c).value()) continue;
      }
      out.add(eval(f.getUpdateName(), inner));
    }
    return new ListV(out);
  }

  private static TfValue forObject(Hcl.ForObject f, Scope scope) {
    List<Map.Entry<TfValue, TfValue>> pairs = pairs(eval(f.getIntro().getIn(), scope));
    if (pairs == null) return new Unknown(text(f));
    Map<String, TfValue> out = new LinkedHashMap<>();
    Map<String, List<TfValue>> grouped = new LinkedHashMap<>();
    for (Map.Entry<TfValue, TfValue> pair : pairs) {
      Scope inner = forScope(f.getIntro(), pair, scope);
      if (f.getCondition() != null) {
        TfValue c = eval(f.getCondition(), inner);
        if (!(c instanceof Bool)) return new Unknown(text(f));
        if (!((Bool) c).value()) continue;
      }
      TfValue k = eval(f.getUpdateName(), inner);
      if (!(k instanceof Str || k instanceof Num || k instanceof Bool)) return new Unknown(text(f));
      TfValue v = eval(f.getUpdateValue(), inner);
      if (f.getEllipsis() != null) {
        grouped.computeIfAbsent(k.display(), x -> new ArrayList<>()).add(v);
      } else {
        out.put(k.display(), v);
      }
    }
    grouped.forEach((k, v) -> out.put(k, new ListV(v)));
    return new MapV(out);
  }
}
