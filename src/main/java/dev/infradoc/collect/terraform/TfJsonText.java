package dev.infradoc.collect.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.infradoc.collect.terraform.TfValue.Bool;
import dev.infradoc.collect.terraform.TfValue.ListV;
import dev.infradoc.collect.terraform.TfValue.MapV;
import dev.infradoc.collect.terraform.TfValue.Num;
import dev.infradoc.collect.terraform.TfValue.Str;
import java.io.IOException;
import java.util.Map;

/** jsonencode() and jsondecode() as Terraform does them (keys sorted, {@code <>&} escaped as Go escapes them). */
final class TfJsonText {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TfJsonText() {}

  static String encode(TfValue v) {
    StringBuilder sb = new StringBuilder();
    encode(v, sb);
    return sb.toString();
  }

  private static void encode(TfValue v, StringBuilder sb) {
    if (v instanceof Str s) {
      string(s.value(), sb);
    } else if (v instanceof Num || v instanceof Bool) {
      sb.append(v.display());
    } else if (v instanceof ListV l) {
      sb.append('[');
      for (int i = 0; i < l.items().size(); i++) {
        if (i > 0) sb.append(',');
        encode(l.items().get(i), sb);
      }
      sb.append(']');
    } else if (v instanceof MapV m) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<String, TfValue> e : m.entries().entrySet()) {
        if (!first) sb.append(',');
        first = false;
        string(e.getKey(), sb);
        sb.append(':');
        encode(e.getValue(), sb);
      }
      sb.append('}');
    } else if (v instanceof TfValue.Null) {
      sb.append("null");
    } else {
      throw new IllegalArgumentException("not known");
    }
  }

  private static void string(String s, StringBuilder sb) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '<', '>', '&', '\u2028', '\u2029' -> sb.append(String.format("\\u%04x", (int) c));
        default -> {
          if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
          else sb.append(c);
        }
      }
    }
    sb.append('"');
  }

  /** The JSON text as a value, or null when it is not JSON. */
  static TfValue decode(String text) {
    try {
      JsonNode n = JSON.readTree(text);
      return n == null || n.isMissingNode() ? null : JsonValues.of(n);
    } catch (IOException e) {
      return null;
    }
  }
}
