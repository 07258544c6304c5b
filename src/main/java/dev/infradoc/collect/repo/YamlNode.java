package dev.infradoc.collect.repo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A YAML value that remembers the file and line it was written on. Scalars keep their text exactly
 * as written (no YAML 1.1 booleans or sexagesimal numbers: {@code on:} stays "on", {@code 22:22}
 * stays "22:22"), so unresolved values such as {@code ${VAR:-x}} are never changed. Navigation
 * never fails: a missing key gives {@link #MISSING}.
 */
public final class YamlNode {

  /** What kind of value this is. NULL is an explicit null or an empty value. */
  public enum Type { MAP, SEQ, SCALAR, NULL, MISSING }

  /** One key of a mapping with the line the key was written on. */
  public record Entry(String key, int keyLine, YamlNode value) {}

  public static final YamlNode MISSING =
      new YamlNode(Type.MISSING, "", 0, "", false, Map.of(), List.of());

  private final Type type;
  private final String file;
  private final int line;
  private final String text;
  private final boolean literalBlock;
  private final Map<String, Entry> entries;
  private final List<YamlNode> items;

  private YamlNode(Type type, String file, int line, String text, boolean literalBlock,
      Map<String, Entry> entries, List<YamlNode> items) {
    this.type = type;
    this.file = file;
    this.line = line;
    this.text = text;
    this.literalBlock = literalBlock;
    this.entries = entries;
    this.items = items;
  }

  public static YamlNode scalar(String file, int line, String text, boolean literalBlock) {
    return new YamlNode(Type.SCALAR, file, line, text, literalBlock, Map.of(), List.of());
  }

  public static YamlNode nullValue(String file, int line) {
    return new YamlNode(Type.NULL, file, line, "", false, Map.of(), List.of());
  }

  /** A mapping; later entries with the same key replace earlier ones, as YAML 1.1 loaders do. */
  public static YamlNode map(String file, int line, List<Entry> entries) {
    Map<String, Entry> m = new LinkedHashMap<>();
    for (Entry e : entries) {
      m.remove(e.key());
      m.put(e.key(), e);
    }
    return new YamlNode(Type.MAP, file, line, "", false, Collections.unmodifiableMap(m), List.of());
  }

  public static YamlNode seq(String file, int line, List<YamlNode> items) {
    return new YamlNode(Type.SEQ, file, line, "", false, Map.of(), List.copyOf(items));
  }

  public Type type() {
    return type;
  }

  /** The file this value was read from, relative to the target root. */
  public String file() {
    return file;
  }

  /** 1-based line where the value starts; 0 for {@link #MISSING}. */
  public int line() {
    return line;
  }

  public boolean isMap() {
    return type == Type.MAP;
  }

  public boolean isSeq() {
    return type == Type.SEQ;
  }

  public boolean isScalar() {
    return type == Type.SCALAR;
  }

  public boolean isMissing() {
    return type == Type.MISSING;
  }

  /** Present and not null. */
  public boolean isPresent() {
    return type != Type.MISSING && type != Type.NULL;
  }

  /** The value of a key, or {@link #MISSING}. */
  public YamlNode get(String key) {
    Entry e = entries.get(key);
    return e == null ? MISSING : e.value();
  }

  /** Follows keys one after another: {@code path("spec", "template", "spec")}. */
  public YamlNode path(String... keys) {
    YamlNode n = this;
    for (String k : keys) n = n.get(k);
    return n;
  }

  public boolean has(String key) {
    return entries.containsKey(key);
  }

  /** The line the key was written on, or the line of this mapping when the key is absent. */
  public int keyLine(String key) {
    Entry e = entries.get(key);
    return e == null ? line : e.keyLine();
  }

  public List<Entry> entries() {
    return List.copyOf(entries.values());
  }

  public List<YamlNode> items() {
    return items;
  }

  /** The scalar text as written; "" for anything else. */
  public String text() {
    return type == Type.SCALAR ? text : "";
  }

  /** True for a {@code |} block, whose content lines follow the indicator line one to one. */
  public boolean isLiteralBlock() {
    return literalBlock;
  }

  /** The line a content line of this scalar was written on (exact for {@code |} blocks). */
  public int lineOfContentLine(int index) {
    return literalBlock ? line + 1 + index : line;
  }

  /** A scalar, or each scalar of a sequence; the forms a "string or list of strings" field takes. */
  public List<String> texts() {
    if (isScalar()) return List.of(text);
    List<String> out = new ArrayList<>();
    for (YamlNode i : items) if (i.isScalar()) out.add(i.text());
    return out;
  }

  /** Visits every scalar below this node, depth first in document order. */
  public void eachScalar(Consumer<YamlNode> visitor) {
    switch (type) {
      case SCALAR -> visitor.accept(this);
      case MAP -> entries.values().forEach(e -> e.value().eachScalar(visitor));
      case SEQ -> items.forEach(i -> i.eachScalar(visitor));
      default -> { }
    }
  }

  @Override
  public String toString() {
    return switch (type) {
      case SCALAR -> text;
      case MAP -> entries.keySet().toString();
      case SEQ -> items.toString();
      default -> type.name();
    };
  }
}
