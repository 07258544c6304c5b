package dev.infradoc.collect.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.infradoc.collect.terraform.TfValue.Bool;
import dev.infradoc.collect.terraform.TfValue.ListV;
import dev.infradoc.collect.terraform.TfValue.MapV;
import dev.infradoc.collect.terraform.TfValue.Num;
import dev.infradoc.collect.terraform.TfValue.Str;
import dev.infradoc.collect.terraform.TfValue.Unknown;
import dev.infradoc.model.Evidence;
import dev.infradoc.model.Joins;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.openrewrite.hcl.tree.Expression;
import org.openrewrite.hcl.tree.Hcl;

/**
 * The containers of an ECS task definition ({@code container_definitions}): written as
 * {@code jsonencode([{...}])} (each container and field read with its own line, unresolved values
 * kept as written) or as a JSON string or heredoc (parsed, lines counted from the attribute). What
 * neither form gives (a {@code file(...)} call) stays the attribute as written. Environment values
 * are never shown, only their names.
 */
final class ContainerDefinitions {
  private static final String ATTRIBUTE = "container_definitions";

  private ContainerDefinitions() {}

  /** One field of one container: its value as shown, the line it is on, and the file when not this one. */
  private record Field(String value, int line, TemplateSource otherFile) {
    Field(String value, int line) {
      this(value, line, null);
    }
  }

  static void read(ModuleInstance m, ResourceRecord r, HclFile file, Hcl.Block block, Scope scope) {
    Hcl.Attribute a = ModuleDecl.attribute(block, ATTRIBUTE);
    if (a == null) return;
    Expression value = a.getValue();
    List<Container> containers = new ArrayList<>();
    if (value instanceof Hcl.FunctionCall f && f.getName().getName().equals("jsonencode") && f.getVariables().size() == 1) {
      Expression arg = f.getVariables().get(0);
      if (arg instanceof Hcl.Tuple tuple) {
        for (Expression item : tuple.getValues()) {
          if (item instanceof Hcl.ObjectValue o) containers.add(fromObject(m.run, file, o, scope, file.line(item)));
        }
      } else if (Evaluator.eval(arg, scope) instanceof ListV list) {
        for (TfValue item : list.items()) {
          if (item instanceof MapV map) containers.add(fromMap(m.run, map, file.line(a)));
        }
      }
    } else if (Evaluator.eval(value, scope) instanceof Str s) {
      // The parser's heredoc literal loses its line breaks; a heredoc without interpolations is read
      // from the source instead, so each field keeps its own line (the first JSON line is the one after <<MARKER).
      String written = file.source(value).strip();
      if (written.startsWith("<<") && !written.contains("${") && written.indexOf('\n') > 0) {
        String body = written.substring(written.indexOf('\n') + 1, Math.max(written.indexOf('\n') + 1, written.lastIndexOf('\n')));
        containers.addAll(fromJson(m.run, body, file.line(a)));
      } else if (value instanceof Hcl.QuotedTemplate || value instanceof Hcl.HeredocTemplate) {
        containers.addAll(fromJson(m.run, s.value(), file.line(a) - 1));
      } else {
        // Computed elsewhere (templatefile, file, a local): its lines are not this file's, so each
        // field is cited at the template's line when it renders line for line, else at the attribute.
        // A template with loops renders more lines than it has: with one container, each field is
        // cited where its key is written in the template.
        TemplateSource template = TemplateSource.of(value, scope);
        boolean sameLines = template != null && template.text().lines().count() == s.value().lines().count();
        List<Container> read = fromJson(m.run, s.value(), 0);
        for (Container c : read) {
          c.fields.replaceAll((k, f) -> {
            if (sameLines) return new Field(f.value(), f.line(), template);
            int at = template == null || read.size() != 1 ? 0 : template.lineOf("\"" + jsonKey(k) + "\"");
            return at > 0 ? new Field(f.value(), at, template) : new Field(f.value(), file.line(a), null);
          });
          containers.add(c);
        }
      }
    }
    List<String> summary = new ArrayList<>();
    for (Container c : containers) {
      if (c.name.isEmpty()) continue;
      String prefix = "container." + c.name + ".";
      c.fields.forEach((k, f) -> {
        Evidence at = f.otherFile() != null
            ? m.run.evidence(f.otherFile().path() + ":" + f.line(), f.otherFile().line(f.line()))
            : Evidence.of(m.run.sourceId, file.path() + ":" + f.line(), m.run.redact(lineAt(file, a, f.line())));
        r.attribute(prefix + k, f.value(), at);
        if (k.equals("image")) r.runs.add(new Joins.Runs(r.id, f.value(), at));
      });
      summary.add(c.summary());
    }
    if (!summary.isEmpty()) {
      r.attribute("containers", String.join("; ", summary), null);
      // The definitions as written carry environment values, which may be secrets no pattern
      // recognises ("value" = "..."): once read, only what was read is shown.
      r.attribute(ATTRIBUTE, summary.size() + " container" + (summary.size() == 1 ? "" : "s") + " (see containers)", null);
    }
  }

  /** A container as read: its name and its fields in a fixed order. */
  private static final class Container {
    String name = "";
    final java.util.Map<String, Field> fields = new java.util.LinkedHashMap<>();

    void put(String key, String value, int line) {
      if (value == null || value.isEmpty()) return;
      if (key.equals("name")) name = value;
      else fields.put(key, new Field(value, line));
    }

    String summary() {
      List<String> parts = new ArrayList<>();
      get("image").ifPresent(parts::add);
      get("cpu").ifPresent(v -> parts.add("cpu " + v));
      get("memory").ifPresent(v -> parts.add("memory " + v));
      get("ports").ifPresent(v -> parts.add("ports " + v));
      get("essential").filter(v -> v.equals("false")).ifPresent(v -> parts.add("not essential"));
      return name + (parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")");
    }

    java.util.Optional<String> get(String key) {
      return java.util.Optional.ofNullable(fields.get(key)).map(Field::value);
    }
  }

  private static Container fromObject(TfRun run, HclFile file, Hcl.ObjectValue o, Scope scope, int line) {
    Container c = new Container();
    for (Expression e : o.getAttributes()) {
      if (!(e instanceof Hcl.Attribute attr)) continue;
      String key = Evaluator.objectKey(attr.getName(), scope);
      if (key == null) continue;
      field(run, c, key, Evaluator.eval(attr.getValue(), scope), file.line(attr));
    }
    return c;
  }

  private static Container fromMap(TfRun run, MapV map, int line) {
    Container c = new Container();
    map.entries().forEach((k, v) -> field(run, c, k, v, line));
    return c;
  }

  private static void field(TfRun run, Container c, String key, TfValue v, int line) {
    switch (key) {
      case "name", "image", "cpu", "memory", "memoryReservation", "essential", "user" -> c.put(key, scalar(run, v), line);
      case "command", "entryPoint" -> c.put(key, v instanceof ListV l ? String.join(" ", l.items().stream().map(i -> scalar(run, i)).toList()) : scalar(run, v), line);
      case "portMappings" -> c.put("ports", ports(run, v), line);
      case "environment", "secrets" -> c.put(key, names(v), line);
      default -> { }
    }
  }

  /** The JSON key a field was read from. */
  private static String jsonKey(String field) {
    return field.equals("ports") ? "portMappings" : field;
  }

  /** "8080/tcp, 9901/tcp": container port and protocol of each mapping (host port when it differs). */
  private static String ports(TfRun run, TfValue v) {
    if (!(v instanceof ListV l)) return scalar(run, v);
    List<String> out = new ArrayList<>();
    for (TfValue item : l.items()) {
      if (!(item instanceof MapV m)) {
        out.add(scalar(run, item));
        continue;
      }
      String port = m.entries().containsKey("containerPort") ? scalar(run, m.entries().get("containerPort")) : "?";
      String host = m.entries().containsKey("hostPort") ? scalar(run, m.entries().get("hostPort")) : "";
      String proto = m.entries().containsKey("protocol") ? scalar(run, m.entries().get("protocol")) : "tcp";
      out.add((host.isEmpty() || host.equals(port) ? "" : host + ":") + port + "/" + proto);
    }
    return String.join(", ", out);
  }

  /** The names of environment variables or secrets; their values may be secrets and are never shown. */
  private static String names(TfValue v) {
    if (!(v instanceof ListV l)) return v instanceof Unknown u ? u.text() : "";
    List<String> out = new ArrayList<>();
    for (TfValue item : l.items()) {
      if (item instanceof MapV m && m.entries().get("name") instanceof Str s) out.add(s.value());
    }
    return String.join(", ", out);
  }

  private static String scalar(TfRun run, TfValue v) {
    if (v == null) return "";
    if (v instanceof Unknown u) {
      // A template with an unresolved part ("...:${var.image_tag}") is shown as written, without its quotes.
      String t = u.text();
      return run.redact(t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t);
    }
    return run.redact(v.display());
  }

  private static List<Container> fromJson(TfRun run, String json, int lineOffset) {
    List<Container> out = new ArrayList<>();
    LinedJson parsed;
    try {
      parsed = new LinedJson(json);
    } catch (IOException e) {
      return out; // kept as written in the attribute; the JSON is Terraform's to reject at plan time
    }
    if (!parsed.root.isArray()) return out;
    for (JsonNode item : parsed.root) {
      if (!item.isObject()) continue;
      Container c = new Container();
      item.fieldNames().forEachRemaining(k -> field(run, c, k, toValue(item.get(k)), lineOffset + parsed.line(item, k)));
      out.add(c);
    }
    return out;
  }

  private static TfValue toValue(JsonNode n) {
    if (n.isTextual()) return new Str(n.asText());
    if (n.isNumber()) return new Num(n.decimalValue());
    if (n.isBoolean()) return new Bool(n.asBoolean());
    if (n.isArray()) {
      List<TfValue> items = new ArrayList<>();
      n.forEach(i -> items.add(toValue(i)));
      return new ListV(items);
    }
    if (n.isObject()) {
      java.util.Map<String, TfValue> m = new java.util.LinkedHashMap<>();
      n.fieldNames().forEachRemaining(k -> m.put(k, toValue(n.get(k))));
      return new MapV(m);
    }
    return new Unknown(n.toString());
  }

  /** The text of a line of the file, for evidence (the attribute's first line when out of range). */
  private static String lineAt(HclFile file, Hcl.Attribute a, int line) {
    String text = file.textOfLine(line);
    return text == null ? file.lineText(a) : text;
  }
}
