package dev.infradoc.collect.terraform;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/** A JSON tree that remembers the line of every object and of every field, for file:line evidence. */
final class LinedJson {
  private static final JsonFactory FACTORY = new JsonFactory();
  private final IdentityHashMap<JsonNode, Integer> objectLines = new IdentityHashMap<>();
  private final IdentityHashMap<JsonNode, Map<String, Integer>> fieldLines = new IdentityHashMap<>();
  final JsonNode root;

  /** Why a file is not JSON, and where: 1-based line and column. */
  static final class Invalid extends IOException {
    final int line;
    final int column;
    final String what;

    Invalid(int line, int column, String what) {
      super(line + ":" + column + ": " + what);
      this.line = Math.max(1, line);
      this.column = Math.max(1, column);
      this.what = what;
    }
  }

  LinedJson(Path file) throws IOException {
    try (JsonParser p = FACTORY.createParser(file.toFile())) {
      root = readRoot(p);
    }
  }

  LinedJson(String text) throws IOException {
    try (JsonParser p = FACTORY.createParser(text)) {
      root = readRoot(p);
    }
  }

  /** The document, or {@link Invalid} with the position where reading stopped (never another parse error). */
  private JsonNode readRoot(JsonParser p) throws IOException {
    try {
      if (p.nextToken() == null) throw new Invalid(1, 1, "empty file");
      JsonNode node = read(p);
      if (p.nextToken() != null) throw invalid(p, "more than one JSON value");
      return node;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      var at = e.getLocation();
      throw new Invalid(at == null ? 1 : at.getLineNr(), at == null ? 1 : at.getColumnNr(), e.getOriginalMessage().lines().findFirst().orElse("not JSON"));
    } catch (NumberFormatException | ArithmeticException e) {
      throw invalid(p, "number out of range");
    }
  }

  private static Invalid invalid(JsonParser p, String what) {
    var at = p.currentTokenLocation();
    return new Invalid(at.getLineNr(), at.getColumnNr(), what);
  }

  int line(JsonNode object) {
    return objectLines.getOrDefault(object, 1);
  }

  int line(JsonNode object, String field) {
    Map<String, Integer> m = fieldLines.get(object);
    Integer l = m == null ? null : m.get(field);
    return l != null ? l : line(object);
  }

  private JsonNode read(JsonParser p) throws IOException {
    JsonNodeFactory f = JsonNodeFactory.instance;
    JsonToken t = p.currentToken();
    if (t == null) throw invalid(p, "unexpected end of file");
    switch (t) {
      case START_OBJECT -> {
        ObjectNode o = f.objectNode();
        objectLines.put(o, p.currentTokenLocation().getLineNr());
        Map<String, Integer> lines = new HashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          lines.put(name, p.currentTokenLocation().getLineNr());
          p.nextToken();
          o.set(name, read(p));
        }
        fieldLines.put(o, lines);
        return o;
      }
      case START_ARRAY -> {
        ArrayNode a = f.arrayNode();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          if (p.currentToken() == null) throw invalid(p, "unexpected end of file");
          a.add(read(p));
        }
        return a;
      }
      case VALUE_STRING -> {
        return f.textNode(p.getText());
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        return f.numberNode(p.getDecimalValue());
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return f.booleanNode(t == JsonToken.VALUE_TRUE);
      }
      case VALUE_NULL -> {
        return f.nullNode();
      }
      default -> throw invalid(p, "unexpected " + t);
    }
  }
}
