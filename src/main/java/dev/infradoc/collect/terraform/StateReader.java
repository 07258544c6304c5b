package dev.infradoc.collect.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.infradoc.model.Evidence;
import dev.infradoc.redact.Redactor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads Terraform state ({@code .tfstate}, format version 4) and {@code terraform show -json}
 * state or plan output into records with the same ids and kinds as the code. Values are redacted;
 * values Terraform marks sensitive are never shown; the dependencies Terraform recorded become
 * references.
 */
final class StateReader {
  private StateReader() {}

  /** True when the JSON looks like a state or show/plan file. */
  static boolean isState(JsonNode root) {
    return root.path("version").asInt() == 4 && root.has("resources")
        || root.has("format_version") && (root.has("values") || root.has("planned_values"));
  }

  /** @return false when the file is not a state or plan file this reader knows */
  static boolean read(TfRun run, Path file, List<ResourceRecord> out) throws IOException {
    LinedJson json = new LinedJson(file);
    JsonNode root = json.root;
    String rel = run.loader.relative(file);
    List<ResourceRecord> records = new ArrayList<>();
    Map<ResourceRecord, List<String>> dependsOn = new HashMap<>();
    if (root.path("version").asInt() == 4 && root.has("resources")) {
      if (!root.path("version").isNumber()) return false;
      for (JsonNode r : root.path("resources")) {
        if (!r.path("mode").asText().equals("managed")) continue;
        String module = r.path("module").asText("");
        String type = r.path("type").asText();
        String name = r.path("name").asText();
        for (JsonNode inst : r.path("instances")) {
          String address = (module.isEmpty() ? "" : module + ".") + type + "." + name + suffix(inst.get("index_key"));
          Set<String> sensitive = new HashSet<>();
          for (JsonNode path : inst.path("sensitive_attributes")) {
            JsonNode first = path.isArray() ? path.path(0) : path;
            if (first.has("value")) sensitive.add(first.path("value").asText());
          }
          ResourceRecord rec = record(run, json, rel, inst, inst.path("attributes"), sensitive, type, address);
          List<String> deps = new ArrayList<>();
          inst.path("dependencies").forEach(d -> deps.add(d.asText()));
          dependsOn.put(rec, deps);
          records.add(rec);
        }
      }
    } else if (root.has("format_version")) {
      JsonNode values = root.has("planned_values") ? root.path("planned_values") : root.path("values");
      module(run, json, rel, values.path("root_module"), records, dependsOn);
    } else {
      return false;
    }
    link(run, records, dependsOn, rel);
    out.addAll(records);
    return true;
  }

  private static void module(TfRun run, LinedJson json, String rel, JsonNode module, List<ResourceRecord> records,
      Map<ResourceRecord, List<String>> dependsOn) {
    for (JsonNode r : module.path("resources")) {
      if (!r.path("mode").asText().equals("managed")) continue;
      Set<String> sensitive = new HashSet<>();
      r.path("sensitive_values").fields().forEachRemaining(e -> {
        if (e.getValue().asBoolean(false)) sensitive.add(e.getKey());
      });
      ResourceRecord rec = record(run, json, rel, r, r.path("values"), sensitive, r.path("type").asText(),
          r.path("address").asText());
      List<String> deps = new ArrayList<>();
      r.path("depends_on").forEach(d -> deps.add(d.asText()));
      dependsOn.put(rec, deps);
      records.add(rec);
    }
    for (JsonNode child : module.path("child_modules")) module(run, json, rel, child, records, dependsOn);
  }

  private static String suffix(JsonNode key) {
    if (key == null || key.isNull() || key.isMissingNode()) return "";
    if (key.isNumber()) return "[" + key.asText() + "]";
    return "[\"" + key.asText().replace("\"", "\\\"") + "\"]";
  }

  private static ResourceRecord record(TfRun run, LinedJson json, String rel, JsonNode at, JsonNode values,
      Set<String> sensitive, String type, String address) {
    ResourceTypes.TypeInfo info = run.types.type(type);
    ResourceRecord r = new ResourceRecord(run.idPrefix + address, address, type, info);
    r.evidence.add(run.evidence(rel + ":" + json.line(at), address));
    List<String> paths = new ArrayList<>(info.attributes());
    if (paths.isEmpty()) {
      values.fields().forEachRemaining(e -> {
        if (e.getValue().isValueNode() && !e.getValue().isNull()) paths.add(e.getKey());
      });
    }
    for (String path : paths) {
      String[] segs = path.split("\\.");
      if (sensitive.contains(segs[0])) {
        if (values.has(segs[0])) {
          r.attribute(path, Redactor.marker("sensitive value"),
              run.evidence(rel + ":" + json.line(values, segs[0]), "\"" + segs[0] + "\": (sensitive)"));
        }
        continue;
      }
      attribute(run, json, rel, r, values, segs, 0, "");
    }
    if (!info.version().isEmpty() && values.path(info.version()).isTextual()) {
      r.version = run.redactor.text(values.path(info.version()).asText());
    }
    return r;
  }

  /** Nested blocks are lists of objects in state; a list of one is read like a block written once. */
  private static void attribute(TfRun run, LinedJson json, String rel, ResourceRecord r, JsonNode obj, String[] segs,
      int i, String prefix) {
    JsonNode v = obj.get(segs[i]);
    if (v == null || v.isNull()) return;
    if (i == segs.length - 1) {
      TfValue value = JsonValues.of(v);
      if (value instanceof TfValue.ListV l && l.items().isEmpty()) return;
      if (value instanceof TfValue.Str s && s.value().isEmpty()) return;
      String shown = ResourceReader.shown(run, segs[i], value);
      r.attribute(prefix + segs[i], shown, run.evidence(rel + ":" + json.line(obj, segs[i]), "\"" + segs[i] + "\": " + shown));
      return;
    }
    if (v.isArray()) {
      for (int j = 0; j < v.size(); j++) {
        if (!v.get(j).isObject()) continue;
        attribute(run, json, rel, r, v.get(j), segs, i + 1, prefix + segs[i] + (v.size() > 1 ? "[" + j + "]" : "") + ".");
      }
    } else if (v.isObject()) {
      attribute(run, json, rel, r, v, segs, i + 1, prefix + segs[i] + ".");
    }
  }

  /** References: dependencies Terraform recorded, and attribute values equal to another resource's physical id. */
  private static void link(TfRun run, List<ResourceRecord> records, Map<ResourceRecord, List<String>> dependsOn, String rel) {
    Map<String, List<String>> idsByAddress = new HashMap<>();
    for (ResourceRecord r : records) {
      String bare = r.address.replaceAll("\\[[^\\]]*\\]$", "");
      idsByAddress.computeIfAbsent(bare, k -> new ArrayList<>()).add(r.id);
    }
    for (ResourceRecord r : records) {
      Evidence at = r.evidence.first();
      for (String dep : dependsOn.getOrDefault(r, List.of())) {
        for (String id : idsByAddress.getOrDefault(dep.replaceAll("\\[[^\\]]*\\]$", ""), List.of())) {
          if (!id.equals(r.id)) r.refs.target(id, at);
        }
      }
    }
  }
}
