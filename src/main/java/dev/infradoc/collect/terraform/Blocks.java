package dev.infradoc.collect.terraform;

import dev.infradoc.collect.terraform.TfValue.MapV;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openrewrite.hcl.tree.BodyContent;
import org.openrewrite.hcl.tree.Expression;
import org.openrewrite.hcl.tree.Hcl;

/**
 * The nested blocks of a block as Terraform sees them: written blocks, and {@code dynamic} blocks
 * expanded when their for_each is known. An unknown for_each gives one occurrence whose iterator
 * references stay as written.
 */
final class Blocks {
  private Blocks() {}

  /** One nested block: its body, the scope its expressions see, and the block to cite. */
  record Occurrence(Hcl.Block body, Scope scope, Hcl.Block cited) {}

  static List<Occurrence> nested(Hcl.Block parent, String type, Scope scope) {
    List<Occurrence> out = new ArrayList<>();
    for (BodyContent c : parent.getBody()) {
      if (!(c instanceof Hcl.Block b) || b.getType() == null) continue;
      String name = b.getType().getName();
      if (name.equals(type) && b.getLabels().isEmpty()) {
        out.add(new Occurrence(b, scope, b));
      } else if (name.equals("dynamic") && ModuleDecl.labels(b).equals(List.of(type))) {
        out.addAll(dynamic(b, type, scope));
      }
    }
    return out;
  }

  /** Names of the nested block types of a block (dynamic blocks by their label). */
  static List<String> types(Hcl.Block parent) {
    List<String> out = new ArrayList<>();
    for (BodyContent c : parent.getBody()) {
      if (!(c instanceof Hcl.Block b) || b.getType() == null) continue;
      String name = b.getType().getName();
      if (name.equals("dynamic")) {
        List<String> labels = ModuleDecl.labels(b);
        if (!labels.isEmpty()) name = labels.get(0);
      }
      if (!out.contains(name)) out.add(name);
    }
    return out;
  }

  private static List<Occurrence> dynamic(Hcl.Block dyn, String type, Scope scope) {
    Hcl.Block content = null;
    for (BodyContent c : dyn.getBody()) {
      if (c instanceof Hcl.Block b && b.getType() != null && b.getType().getName().equals("content")) content = b;
    }
    if (content == null) return List.of();
    String iterator = type;
    Expression it = ModuleDecl.value(dyn, "iterator");
    if (it != null) iterator = Evaluator.text(it);
    Expression forEach = ModuleDecl.value(dyn, "for_each");
    List<Map.Entry<TfValue, TfValue>> pairs = forEach == null ? null : Evaluator.pairs(Evaluator.eval(forEach, scope));
    if (pairs == null) {
      // The iterator is bound to itself, so its uses stay as written instead of looking like references.
      return List.of(new Occurrence(content, scope.bind(Map.of(iterator, new TfValue.Unknown(iterator))), dyn));
    }
    List<Occurrence> out = new ArrayList<>();
    for (Map.Entry<TfValue, TfValue> p : pairs) {
      Map<String, TfValue> iter = new LinkedHashMap<>();
      iter.put("key", p.getKey());
      iter.put("value", p.getValue());
      out.add(new Occurrence(content, scope.bind(Map.of(iterator, new MapV(iter))), dyn));
    }
    return out;
  }
}
