package dev.infradoc.collect.terraform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An IAM policy as the code writes it, read tolerantly: JSON text (a heredoc, jsonencode already
 * evaluated) or the HCL object inside a jsonencode(...) kept as written because it names ARNs of
 * other resources. Values that are not literals (references, interpolations) are kept as written.
 * Anything it cannot make sense of gives an empty policy, never an exception.
 */
final class PolicyText {
  /** One statement: its effect, actions, resources and principals, each as written. */
  record Statement(String effect, List<String> actions, boolean notAction, List<String> resources,
      boolean notResource, List<String> principals, boolean conditional) {}

  private final String text;
  private int pos;

  private PolicyText(String text) {
    this.text = text;
  }

  /** The statements of the policy; empty when there are none or the text is not a policy. */
  static List<Statement> statements(String policy) {
    if (policy == null || policy.isBlank()) return List.of();
    int start = firstBrace(policy);
    if (start < 0) return List.of();
    PolicyText p = new PolicyText(policy);
    p.pos = start;
    Object root;
    try {
      root = p.value();
    } catch (IllegalStateException | IndexOutOfBoundsException e) {
      return List.of();
    }
    if (!(root instanceof Map<?, ?> m)) return List.of();
    Object st = get(m, "Statement");
    List<Statement> out = new ArrayList<>();
    for (Object s : st instanceof List<?> l ? l : st == null ? List.of() : List.of(st)) {
      if (s instanceof Map<?, ?> sm) out.add(statement(sm));
    }
    return out;
  }

  private static int firstBrace(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '{') return i;
      if (c == '[' ) return -1; // a policy is an object
    }
    return -1;
  }

  private static Statement statement(Map<?, ?> s) {
    boolean notAction = get(s, "Action") == null && get(s, "NotAction") != null;
    boolean notResource = get(s, "Resource") == null && get(s, "NotResource") != null;
    List<String> principals = new ArrayList<>();
    Object p = get(s, "Principal");
    if (p instanceof Map<?, ?> pm) {
      pm.forEach((k, v) -> strings(v).forEach(x -> principals.add(k + " " + x)));
    } else {
      strings(p).forEach(principals::add);
    }
    Object effect = get(s, "Effect");
    return new Statement(effect == null ? "Allow" : effect.toString(), strings(get(s, notAction ? "NotAction" : "Action")), notAction,
        strings(get(s, notResource ? "NotResource" : "Resource")), notResource, principals, get(s, "Condition") != null);
  }

  private static Object get(Map<?, ?> m, String key) {
    return m.get(key);
  }

  private static List<String> strings(Object v) {
    if (v == null) return List.of();
    if (v instanceof List<?> l) {
      List<String> out = new ArrayList<>();
      for (Object o : l) out.addAll(strings(o));
      return out;
    }
    if (v instanceof Map<?, ?>) return List.of("{...}");
    return List.of(v.toString());
  }

  private Object value() {
    skip();
    char c = text.charAt(pos);
    if (c == '{') return object();
    if (c == '[') return list();
    if (c == '"') return string();
    return bare();
  }

  private Map<String, Object> object() {
    pos++; // {
    Map<String, Object> m = new LinkedHashMap<>();
    while (true) {
      skip();
      if (text.charAt(pos) == '}') {
        pos++;
        return m;
      }
      Object key = text.charAt(pos) == '"' ? string() : bare();
      skip();
      char sep = text.charAt(pos);
      if (sep != ':' && sep != '=') throw new IllegalStateException("no value for " + key);
      pos++;
      m.put(key.toString(), value());
      separator();
    }
  }

  private List<Object> list() {
    pos++; // [
    List<Object> l = new ArrayList<>();
    while (true) {
      skip();
      if (text.charAt(pos) == ']') {
        pos++;
        return l;
      }
      l.add(value());
      separator();
    }
  }

  /** A comma, or nothing: HCL separates by newlines, and an expression printed on one line has none. */
  private void separator() {
    skip();
    if (text.charAt(pos) == ',') pos++;
  }

  private String string() {
    StringBuilder sb = new StringBuilder();
    pos++; // "
    int depth = 0; // inside ${ ... } a quote does not end the string
    while (true) {
      char c = text.charAt(pos++);
      if (c == '\\' ) {
        sb.append(text.charAt(pos++));
        continue;
      }
      if (c == '$' && text.charAt(pos) == '{') depth++;
      if (c == '}' && depth > 0) depth--;
      if (c == '"' && depth == 0) return sb.toString();
      sb.append(c);
    }
  }

  /** A reference, number or function call as written, up to the next separator at depth 0. */
  private String bare() {
    int start = pos;
    int depth = 0;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '(' || c == '[' && pos > start) depth++;
      else if (c == ')' || c == ']' && depth > 0) depth--;
      else if (depth == 0 && (c == ',' || c == '}' || c == ']' || c == '=' || c == ':' || Character.isWhitespace(c))) break;
      pos++;
    }
    String s = text.substring(start, pos).strip();
    if (s.isEmpty()) throw new IllegalStateException("empty value");
    return s;
  }

  private void skip() {
    while (Character.isWhitespace(text.charAt(pos))) pos++;
  }
}
