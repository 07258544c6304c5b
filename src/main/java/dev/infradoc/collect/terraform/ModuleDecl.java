package dev.infradoc.collect.terraform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openrewrite.hcl.tree.BodyContent;
import org.openrewrite.hcl.tree.Expression;
import org.openrewrite.hcl.tree.Hcl;
import org.openrewrite.hcl.tree.Label;

/** The declarations of one module directory: variables, locals, resources, data, module calls, outputs. */
final class ModuleDecl {

  /** A declaration and the file it is in. */
  record Decl<T extends Hcl>(T node, HclFile file) {}

  final String dir;
  final Map<String, Decl<Hcl.Block>> variables = new LinkedHashMap<>();
  final Map<String, Decl<Hcl.Attribute>> locals = new LinkedHashMap<>();
  final Map<String, Decl<Hcl.Block>> resources = new LinkedHashMap<>();
  final Map<String, Decl<Hcl.Block>> data = new LinkedHashMap<>();
  final Map<String, Decl<Hcl.Block>> modules = new LinkedHashMap<>();
  final Map<String, Decl<Hcl.Block>> outputs = new LinkedHashMap<>();

  /** @param dir the module's directory relative to the target ("" for the target itself) */
  ModuleDecl(String dir, List<HclFile> files) {
    this.dir = dir;
    for (HclFile f : files) {
      for (BodyContent c : f.tree().getBody()) {
        if (!(c instanceof Hcl.Block b)) continue;
        String type = b.getType() == null ? "" : b.getType().getName();
        List<String> labels = labels(b);
        switch (type) {
          case "variable" -> put(variables, labels, 1, b, f);
          case "resource" -> put(resources, labels, 2, b, f);
          case "data" -> put(data, labels, 2, b, f);
          case "module" -> put(modules, labels, 1, b, f);
          case "output" -> put(outputs, labels, 1, b, f);
          case "locals" -> {
            for (BodyContent lc : b.getBody()) {
              if (lc instanceof Hcl.Attribute a) locals.putIfAbsent(a.getSimpleName(), new Decl<>(a, f));
            }
          }
          default -> { }
        }
      }
    }
  }

  private static void put(Map<String, Decl<Hcl.Block>> map, List<String> labels, int n, Hcl.Block b, HclFile f) {
    if (labels.size() < n) return;
    map.putIfAbsent(String.join(".", labels.subList(0, n)), new Decl<>(b, f));
  }

  static List<String> labels(Hcl.Block b) {
    return b.getLabels().stream().map(ModuleDecl::label).toList();
  }

  private static String label(Label l) {
    if (l instanceof Hcl.Identifier id) return id.getName();
    if (l instanceof Hcl.Literal lit) return String.valueOf(lit.getValue());
    if (l instanceof Hcl.QuotedTemplate q && q.getExpressions().size() == 1
        && q.getExpressions().get(0) instanceof Hcl.Literal lit) {
      return String.valueOf(lit.getValue());
    }
    return Evaluator.text(l).replace("\"", "");
  }

  /** An attribute of a block by name, or null. */
  static Hcl.Attribute attribute(Hcl.Block b, String name) {
    for (BodyContent c : b.getBody()) {
      if (c instanceof Hcl.Attribute a && a.getSimpleName().equals(name)) return a;
    }
    return null;
  }

  static Expression value(Hcl.Block b, String name) {
    Hcl.Attribute a = attribute(b, name);
    return a == null ? null : a.getValue();
  }
}
