package dev.infradoc.collect.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON (tfvars.json, state, plan) as Terraform values. */
final class JsonValues {
  private JsonValues() {}

  static TfValue of(JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) return new TfValue.Null();
    if (n.isBoolean()) return new TfValue.Bool(n.booleanValue());
    if (n.isNumber()) return new TfValue.Num(new BigDecimal(n.asText()));
    if (n.isTextual()) return new TfValue.Str(n.textValue());
    if (n.isArray()) {
      List<TfValue> items = new ArrayList<>();
      n.forEach(x -> items.add(of(x)));
      return new TfValue.ListV(items);
    }
    Map<String, TfValue> entries = new LinkedHashMap<>();
    n.fields().forEachRemaining(e -> entries.put(e.getKey(), of(e.getValue())));
    return new TfValue.MapV(entries);
  }
}
