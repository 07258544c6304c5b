package dev.infradoc.collect.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Terraform's JSON syntax ({@code .tf.json}) read as the HCL it stands for: the JSON is written
 * out as native syntax, each body item on the line of its JSON property, and parsed like a .tf
 * file, so everything after reading (modules, references, evaluation) is shared. Strings are
 * templates as Terraform reads them ({@code "${var.x}"} alone is the value of {@code var.x}); where
 * the JSON syntax takes an expression as a string (a variable's type, depends_on) it is written bare.
 * Evidence points at the JSON lines.
 */
final class TfJson {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
  /** Top-level block types and how many labels they take; others (terraform, moved, import...) are not read. */
  private static final Map<String, Integer> TOP = Map.of("resource", 2, "data", 2, "variable", 1, "output", 1,
      "module", 1, "provider", 1, "locals", 0);
  /** Nested blocks every resource may have, whatever its type. */
  private static final Set<String> META_BLOCKS = Set.of("lifecycle", "provisioner", "connection", "timeouts");

  private TfJson() {}

  static boolean isTfJson(String fileName) {
    return fileName.endsWith(".tf.json");
  }

  /** Parses {@code text} as the .tf.json file {@code relPath}; never throws, errors start with {@code line:col: }. */
  static HclParsing.Result parse(String text, String relPath, Set<String> mapAttributes) {
    LinedJson json;
    try {
      json = new LinedJson(text);
    } catch (LinedJson.Invalid e) {
      return new HclParsing.Result(null, e.line + ":" + e.column + ": not valid JSON: " + e.what, List.of());
    } catch (IOException | RuntimeException | StackOverflowError e) {
      return new HclParsing.Result(null, "1:1: not valid JSON", List.of());
    }
    if (!json.root.isObject()) {
      return new HclParsing.Result(null, "1:1: a .tf.json file holds one JSON object", List.of());
    }
    Writer w = new Writer(json, mapAttributes);
    try {
      w.top(json.root);
    } catch (StackOverflowError e) {
      return new HclParsing.Result(null, "1:1: nested too deeply to read", List.of());
    }
    HclParsing.Result r = HclParsing.parse(w.out.toString(), relPath);
    int[] map = w.lines.stream().mapToInt(Integer::intValue).toArray();
    if (r.file() == null) return new HclParsing.Result(null, jsonPosition(r.error(), map), List.of());
    return new HclParsing.Result(r.file().withSource(map, text), null,
        r.recovered().stream().map(e -> jsonPosition(e, map)).toList());
  }

  /** An error in the written HCL ("7:12: what") at its JSON line; the column is the line's start. */
  private static String jsonPosition(String error, int[] map) {
    int colon = error.indexOf(':');
    int second = colon < 0 ? -1 : error.indexOf(':', colon + 1);
    try {
      int line = Integer.parseInt(error.substring(0, colon));
      int json = line >= 1 && line <= map.length ? map[line - 1] : map.length == 0 ? 1 : map[map.length - 1];
      return json + ":1: in an expression: " + error.substring(second + 1).strip();
    } catch (RuntimeException e) {
      return "1:1: " + error;
    }
  }

  /** Writes HCL and notes, for each line written, the JSON line it stands for. */
  private static final class Writer {
    final StringBuilder out = new StringBuilder();
    final List<Integer> lines = new ArrayList<>(List.of(1));
    private final LinedJson json;
    private final Set<String> mapAttributes;
    private boolean lineEmpty = true;

    Writer(LinedJson json, Set<String> mapAttributes) {
      this.json = json;
      this.mapAttributes = mapAttributes;
    }

    /** Starts a body item on its own line, standing for JSON line {@code line}. */
    private void lineFor(int line) {
      if (lineEmpty) {
        lines.set(lines.size() - 1, Math.max(line, lines.get(lines.size() - 1)));
      } else {
        out.append('\n');
        lines.add(Math.max(line, lines.get(lines.size() - 1)));
      }
      lineEmpty = false;
    }

    private void append(String s) {
      out.append(s);
      lineEmpty = false;
    }

    void top(JsonNode root) {
      for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
        String type = it.next();
        Integer labels = TOP.get(type);
        if (labels == null) continue;
        int line = json.line(root, type);
        for (JsonNode value : each(root.get(type))) {
          if (type.equals("locals")) {
            if (!value.isObject()) continue;
            lineFor(line);
            append("locals {");
            body(value, "", Kind.LOCALS);
            close(line);
          } else {
            labelled(type, value, labels, List.of(), line, kindOf(type));
          }
        }
      }
    }

    private static Kind kindOf(String type) {
      return switch (type) {
        case "variable" -> Kind.VARIABLE;
        case "output" -> Kind.OUTPUT;
        case "module" -> Kind.MODULE;
        default -> Kind.RESOURCE;
      };
    }

    /** {"aws_instance": {"web": {...}}}: labels nest as objects; arrays allow the same key twice. */
    private void labelled(String type, JsonNode value, int remaining, List<String> labels, int line, Kind kind) {
      if (remaining == 0) {
        if (!value.isObject()) return;
        lineFor(line);
        append(type);
        for (String l : labels) append(" " + quoted(l, false));
        append(" {");
        body(value, labels.isEmpty() ? "" : labels.get(0), kind);
        close(line);
        return;
      }
      if (!value.isObject()) return;
      for (Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
        String label = it.next();
        if (label.equals("//")) continue;
        List<String> next = new ArrayList<>(labels);
        next.add(label);
        for (JsonNode v : each(value.get(label))) labelled(type, v, remaining - 1, next, json.line(value, label), kind);
      }
    }

    private void close(int line) {
      lineFor(line);
      append("}");
    }

    /** What a body is: decides which properties are blocks and which take bare expressions. */
    enum Kind { RESOURCE, NESTED, VARIABLE, OUTPUT, MODULE, LOCALS, LIFECYCLE }

    private void body(JsonNode body, String resourceType, Kind kind) {
      for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
        String name = it.next();
        JsonNode v = body.get(name);
        int line = json.line(body, name);
        if (name.equals("//") || !IDENTIFIER.matcher(name).matches()) continue;
        if (kind == Kind.LOCALS) {
          attribute(name, line, expression(v));
          continue;
        }
        if (kind == Kind.VARIABLE) {
          if (name.equals("validation")) continue;
          attribute(name, line, name.equals("type") ? raw(v) : literal(v));
          continue;
        }
        if (name.equals("depends_on") || name.equals("provider") || name.equals("providers")) {
          // References written as strings ("aws_subnet.private", "aws.west"): bare, as in HCL.
          attribute(name, line, v.isObject() ? rawObject(v) : raw(v));
          continue;
        }
        if (kind == Kind.MODULE && (name.equals("source") || name.equals("version"))) {
          attribute(name, line, literal(v));
          continue;
        }
        if (kind == Kind.LIFECYCLE && (name.equals("ignore_changes") || name.equals("replace_triggered_by"))) {
          attribute(name, line, raw(v));
          continue;
        }
        if ((kind == Kind.RESOURCE || kind == Kind.NESTED) && isBlock(name, v)) {
          if (name.equals("provisioner") || name.equals("connection")) continue;
          if (name.equals("dynamic")) {
            dynamic(v, line);
            continue;
          }
          Kind inner = name.equals("lifecycle") && kind == Kind.RESOURCE ? Kind.LIFECYCLE : Kind.NESTED;
          for (JsonNode b : each(v)) {
            int at = Math.max(line, json.line(b));
            lineFor(at);
            append(name + " {");
            body(b, resourceType, inner);
            close(at);
          }
          continue;
        }
        attribute(name, line, expression(v));
      }
    }

    /** An object or a list of objects is a nested block, unless it is a map attribute (tags, labels...). */
    private boolean isBlock(String name, JsonNode v) {
      if (mapAttributes.contains(name)) return false;
      if (META_BLOCKS.contains(name) || name.equals("dynamic")) return v.isObject() || v.isArray();
      if (v.isObject()) return true;
      if (!v.isArray() || v.isEmpty()) return false;
      for (JsonNode item : v) {
        if (!item.isObject()) return false;
      }
      return true;
    }

    /** "dynamic": {"ingress": {"for_each": "...", "iterator": "rule", "content": {...}}} */
    private void dynamic(JsonNode v, int line) {
      for (JsonNode d : each(v)) {
        if (!d.isObject()) continue;
        for (Iterator<String> it = d.fieldNames(); it.hasNext(); ) {
          String label = it.next();
          if (label.equals("//")) continue;
          int at = json.line(d, label);
          for (JsonNode spec : each(d.get(label))) {
            if (!spec.isObject()) continue;
            lineFor(at);
            append("dynamic " + quoted(label, false) + " {");
            for (Iterator<String> f = spec.fieldNames(); f.hasNext(); ) {
              String name = f.next();
              int fl = json.line(spec, name);
              JsonNode fv = spec.get(name);
              switch (name) {
                case "for_each" -> attribute(name, fl, expression(fv));
                case "iterator" -> attribute(name, fl, raw(fv));
                case "content" -> {
                  if (!fv.isObject()) continue;
                  lineFor(fl);
                  append("content {");
                  body(fv, "", Kind.NESTED);
                  close(fl);
                }
                default -> { }
              }
            }
            close(at);
          }
        }
      }
    }

    private void attribute(String name, int line, String value) {
      lineFor(line);
      append(name + " = " + value);
    }
  }

  private static Iterable<JsonNode> each(JsonNode v) {
    if (v == null) return List.of();
    if (v.isArray()) {
      List<JsonNode> out = new ArrayList<>();
      v.forEach(out::add);
      return out;
    }
    return List.of(v);
  }

  /** A JSON value where Terraform takes an expression: strings are templates. */
  static String expression(JsonNode v) {
    if (v.isTextual()) return template(v.textValue());
    if (v.isArray()) {
      List<String> items = new ArrayList<>();
      v.forEach(i -> items.add(expression(i)));
      return "[" + String.join(", ", items) + "]";
    }
    if (v.isObject()) {
      List<String> items = new ArrayList<>();
      v.fields().forEachRemaining(e -> {
        if (!e.getKey().equals("//")) items.add(quoted(e.getKey(), true) + " = " + expression(e.getValue()));
      });
      return "{" + String.join(", ", items) + "}";
    }
    return scalar(v);
  }

  /** A JSON value taken literally (a variable's default, a module's source): no templates. */
  static String literal(JsonNode v) {
    if (v.isTextual()) return quoted(v.textValue(), false);
    if (v.isArray()) {
      List<String> items = new ArrayList<>();
      v.forEach(i -> items.add(literal(i)));
      return "[" + String.join(", ", items) + "]";
    }
    if (v.isObject()) {
      List<String> items = new ArrayList<>();
      v.fields().forEachRemaining(e -> items.add(quoted(e.getKey(), false) + " = " + literal(e.getValue())));
      return "{" + String.join(", ", items) + "}";
    }
    return scalar(v);
  }

  /** Strings that hold an expression as written (a type, a reference): bare. */
  private static String raw(JsonNode v) {
    if (v.isTextual()) return oneLine(v.textValue());
    if (v.isArray()) {
      List<String> items = new ArrayList<>();
      v.forEach(i -> items.add(raw(i)));
      return "[" + String.join(", ", items) + "]";
    }
    return literal(v);
  }

  /** {"aws": "aws.west"}: keys and values both references. */
  private static String rawObject(JsonNode v) {
    List<String> items = new ArrayList<>();
    v.fields().forEachRemaining(e -> {
      if (IDENTIFIER.matcher(e.getKey()).matches()) items.add(e.getKey() + " = " + raw(e.getValue()));
    });
    return "{" + String.join(", ", items) + "}";
  }

  private static String scalar(JsonNode v) {
    if (v.isNumber()) return v.decimalValue().toPlainString();
    if (v.isBoolean()) return Boolean.toString(v.booleanValue());
    return "null";
  }

  /**
   * A JSON string as an HCL template: the literal parts escaped, interpolations and directives kept
   * as written. A string that is one interpolation and nothing else is that expression's value.
   */
  static String template(String s) {
    String whole = single(s);
    if (whole != null) return oneLine(whole);
    StringBuilder sb = new StringBuilder("\"");
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      boolean open = (c == '$' || c == '%') && i + 1 < s.length() && s.charAt(i + 1) == '{';
      if (open && i > 0 && s.charAt(i - 1) == c && escapedAt(s, i)) {
        // "$${" and "%%{" are literal in both syntaxes: the first "$" is written already.
        sb.append(c).append('{');
        i += 2;
        continue;
      }
      if (open) {
        int end = closing(s, i + 2);
        if (end < 0) {
          sb.append(escape(s.substring(i)));
          break;
        }
        sb.append(c).append('{').append(oneLine(s.substring(i + 2, end))).append('}');
        i = end + 1;
        continue;
      }
      sb.append(escape(String.valueOf(c)));
      i++;
    }
    return sb.append('"').toString();
  }

  /** True when the "${" at {@code i} follows a "$" that escapes it ("$${"); the "$" was already written. */
  private static boolean escapedAt(String s, int i) {
    int n = 0;
    for (int j = i - 1; j >= 0 && s.charAt(j) == s.charAt(i); j--) n++;
    return n % 2 == 1;
  }

  /** The expression when the whole string is exactly one {@code ${...}}; else null. */
  private static String single(String s) {
    if (!s.startsWith("${")) return null;
    int end = closing(s, 2);
    if (end != s.length() - 1) return null;
    String inner = s.substring(2, end).strip();
    if (inner.startsWith("~")) inner = inner.substring(1);
    if (inner.endsWith("~")) inner = inner.substring(0, inner.length() - 1);
    return inner.isBlank() ? null : inner;
  }

  /** The index of the brace closing an interpolation whose content starts at {@code from}, or -1. */
  static int closing(String s, int from) {
    int depth = 0;
    boolean inString = false;
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (inString) {
        if (c == '\\') i++;
        else if (c == '"') inString = false;
        continue;
      }
      if (c == '"') inString = true;
      else if (c == '{') depth++;
      else if (c == '}') {
        if (depth == 0) return i;
        depth--;
      }
    }
    return -1;
  }

  private static String oneLine(String s) {
    return s.replace('\n', ' ').replace('\r', ' ');
  }

  /** A quoted HCL string; {@code template} keeps ${} live (an object key that is one interpolation in parentheses). */
  static String quoted(String s, boolean template) {
    if (template) return single(s) != null ? "(" + oneLine(single(s)) + ")" : template(s);
    String e = escape(s).replace("${", "$${").replace("%{", "%%{");
    return "\"" + e + "\"";
  }

  private static String escape(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> sb.append("\\\\");
        case '"' -> sb.append("\\\"");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
          else sb.append(c);
        }
      }
    }
    return sb.toString();
  }
}
