package dev.infradoc.render.iac;

import dev.infradoc.model.Component;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** A selector over components from the data files: each key (a field or attribute) must match its regex. */
public record Match(Map<String, Pattern> keys) {
  public static Match of(Map<String, String> raw) {
    Map<String, Pattern> keys = new TreeMap<>();
    raw.forEach((k, v) -> keys.put(k, Pattern.compile(v)));
    return new Match(keys);
  }

  public boolean matches(Component c) {
    if (c == null) return false;
    for (Map.Entry<String, Pattern> e : keys.entrySet()) {
      if (!e.getValue().matcher(value(c, e.getKey())).matches()) return false;
    }
    return true;
  }

  private static String value(Component c, String key) {
    return switch (key) {
      case "kind" -> c.kind().id();
      case "technology" -> c.technology();
      case "publicListen" -> String.valueOf(c.listens().stream().anyMatch(l -> l.isPublic()));
      default -> c.attribute(key);
    };
  }
}
