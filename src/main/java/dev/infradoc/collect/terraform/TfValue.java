package dev.infradoc.collect.terraform;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A Terraform value as far as it can be known from the code alone. {@link Unknown} keeps the
 * expression as written (for example {@code var.db_password} or {@code aws_vpc.main.id}), so
 * nothing is invented.
 */
sealed interface TfValue {

  /** True when this value and everything inside it is known. */
  boolean known();

  /** How a reader sees the value: strings bare at the top level, collections in HCL notation. */
  default String display() {
    return render(false);
  }

  String render(boolean nested);

  record Str(String value) implements TfValue {
    public boolean known() {
      return true;
    }

    public String render(boolean nested) {
      return nested ? "\"" + value + "\"" : value;
    }
  }

  record Num(BigDecimal value) implements TfValue {
    static Num of(long n) {
      return new Num(BigDecimal.valueOf(n));
    }

    public boolean known() {
      return true;
    }

    public String render(boolean nested) {
      return value.stripTrailingZeros().toPlainString();
    }
  }

  record Bool(boolean value) implements TfValue {
    public boolean known() {
      return true;
    }

    public String render(boolean nested) {
      return Boolean.toString(value);
    }
  }

  record Null() implements TfValue {
    public boolean known() {
      return true;
    }

    public String render(boolean nested) {
      return "null";
    }
  }

  record ListV(List<TfValue> items) implements TfValue {
    public ListV {
      items = List.copyOf(items);
    }

    public boolean known() {
      return items.stream().allMatch(TfValue::known);
    }

    public String render(boolean nested) {
      return items.stream().map(v -> v.render(true)).collect(Collectors.joining(", ", "[", "]"));
    }
  }

  /** An object or map; keys kept in the order Terraform iterates them (lexical). */
  record MapV(Map<String, TfValue> entries) implements TfValue {
    public MapV {
      entries = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(entries));
    }

    public boolean known() {
      return entries.values().stream().allMatch(TfValue::known);
    }

    public String render(boolean nested) {
      return entries.entrySet().stream()
          .map(e -> e.getKey() + " = " + e.getValue().render(true))
          .collect(Collectors.joining(", ", "{", "}"));
    }
  }

  /** A value the code does not determine: the expression as written. */
  record Unknown(String text) implements TfValue {
    public boolean known() {
      return false;
    }

    public String render(boolean nested) {
      return text;
    }
  }

  static boolean isTrue(TfValue v) {
    return v instanceof Bool b && b.value()
        || v instanceof Str s && s.value().equals("true");
  }
}
