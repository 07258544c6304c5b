package dev.infradoc.collect.terraform;

import dev.infradoc.collect.terraform.ModuleDecl.Decl;
import dev.infradoc.collect.terraform.TfValue.MapV;
import dev.infradoc.collect.terraform.TfValue.Null;
import dev.infradoc.collect.terraform.TfValue.Str;
import dev.infradoc.collect.terraform.TfValue.Unknown;
import dev.infradoc.model.Evidence;
import dev.infradoc.redact.Redactor;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.openrewrite.hcl.tree.BodyContent;
import org.openrewrite.hcl.tree.Hcl;

/**
 * Reads one resource instance into a record: the attributes its type lists in terraform.yaml
 * (each with its line), every reference it makes, and its security rules.
 */
final class ResourceReader {
  private static final int MAX_VALUE = 500;

  private ResourceReader() {}

  static void read(ModuleInstance m, ResourceRecord r, Decl<Hcl.Block> d, Scope scope) {
    TfRun run = m.run;
    HclFile file = d.file();
    r.declaredAt = file.locator(d.node());
    r.evidence.add(run.evidence(r.declaredAt, file.lineText(d.node())));
    for (String path : r.info.attributes()) {
      extract(m, r, file, d.node(), scope, path.split("\\."), 0, "");
    }
    if (!r.info.version().isEmpty()) {
      Hcl.Attribute v = ModuleDecl.attribute(d.node(), r.info.version());
      TfValue value = v == null ? null : Evaluator.eval(v.getValue(), scope);
      if (value instanceof Str s) r.version = run.redactor.text(s.value());
    }
    walkRefs(m, r, file, d.node(), scope, "");
    SecurityRules.read(m, r, file, d.node(), scope);
    if (r.type.equals("aws_ecs_task_definition")) ContainerDefinitions.read(m, r, file, d.node(), scope);
  }

  /** A registry or git module: a component with its source, version and inputs. */
  static void readModule(ModuleInstance m, ModuleInstance.ModuleCall call, String suffix, List<ResourceRecord> out) {
    TfRun run = m.run;
    HclFile file = call.decl.file();
    Hcl.Block block = call.decl.node();
    ResourceRecord r = new ResourceRecord(call.componentId(suffix), m.address + "module." + call.name + suffix,
        "module", run.types.module(call.source));
    r.declaredAt = file.locator(block);
    r.evidence.add(run.evidence(r.declaredAt, file.lineText(block)));
    ModuleInstance.Key key = call.expansion.keys().stream().filter(k -> k.suffix().equals(suffix)).findFirst()
        .orElse(new ModuleInstance.Key("", null, null, null));
    Scope scope = m.instanceScope(key);
    for (BodyContent c : block.getBody()) {
      if (!(c instanceof Hcl.Attribute a)) continue;
      String name = a.getSimpleName();
      if (name.equals("count") || name.equals("for_each") || name.equals("providers") || name.equals("depends_on")) continue;
      TfValue v = Evaluator.eval(a.getValue(), scope);
      String k = name.equals("source") || name.equals("version") ? name : "input." + name;
      r.attribute(k, shown(run, name, v), evidence(run, file, a, name, v));
      if (name.equals("version") && v instanceof Str s) r.version = s.value();
    }
    walkRefs(m, r, file, block, scope, "");
    out.add(r);
  }

  private static void extract(ModuleInstance m, ResourceRecord r, HclFile file, Hcl.Block block, Scope scope,
      String[] segs, int i, String prefix) {
    String seg = segs[i];
    if (i == segs.length - 1) {
      Hcl.Attribute a = ModuleDecl.attribute(block, seg);
      if (a != null) {
        put(m, r, file, a, scope, prefix + seg, seg, Evaluator.eval(a.getValue(), scope));
      } else {
        kinds(m, r, file, block, scope, prefix + seg, seg);
      }
      return;
    }
    List<Blocks.Occurrence> occ = Blocks.nested(block, seg, scope);
    if (!occ.isEmpty()) {
      for (int j = 0; j < occ.size(); j++) {
        String p = prefix + seg + (occ.size() > 1 ? "[" + j + "]" : "") + ".";
        extract(m, r, file, occ.get(j).body(), occ.get(j).scope(), segs, i + 1, p);
      }
      return;
    }
    Hcl.Attribute a = ModuleDecl.attribute(block, seg);
    if (a == null) return;
    TfValue v = Evaluator.eval(a.getValue(), scope);
    for (int k = i + 1; k < segs.length; k++) {
      if (!(v instanceof MapV map)) return;
      v = map.entries().get(segs[k]);
      if (v == null) return;
    }
    put(m, r, file, a, scope, prefix + String.join(".", Arrays.asList(segs).subList(i, segs.length)), segs[segs.length - 1], v);
  }

  /**
   * A path that names a block rather than an attribute: the kinds of block it holds, as written
   * ({@code default_action { allow {} }} gives "allow", a WAF rule's statement its statement type).
   */
  private static void kinds(ModuleInstance m, ResourceRecord r, HclFile file, Hcl.Block block, Scope scope,
      String key, String seg) {
    List<Blocks.Occurrence> occ = Blocks.nested(block, seg, scope);
    if (occ.isEmpty()) return;
    List<String> kinds = new java.util.ArrayList<>();
    for (Blocks.Occurrence o : occ) {
      for (String t : Blocks.types(o.body())) {
        if (!kinds.contains(t)) kinds.add(t);
      }
    }
    if (kinds.isEmpty()) return;
    Hcl.Block at = occ.get(0).cited();
    r.attribute(key, String.join(", ", kinds), m.run.evidence(file.locator(at), file.lineText(at)));
  }

  private static void put(ModuleInstance m, ResourceRecord r, HclFile file, Hcl.Attribute a, Scope scope,
      String key, String name, TfValue v) {
    if (v instanceof Null) return;
    TfRun run = m.run;
    r.attribute(key, shown(run, name, v), evidence(run, file, a, name, v));
    Refs origins = new Refs();
    m.walker.walk(a.getValue(), scope, Evidence.of(run.sourceId, file.locator(a), ""), origins);
    r.evidence.addAll(origins.origins);
  }

  /** A value as the documents may show it: expressions as written, literal secrets replaced. */
  static String shown(TfRun run, String name, TfValue v) {
    String out;
    if (v instanceof Unknown u) {
      out = run.redact(u.text());
    } else if (v instanceof Str s && secret(run, name) && !s.value().isEmpty()) {
      out = run.redactor.envValue(name, s.value());
    } else {
      out = run.types.isPublicAttribute(name) ? v.display() : run.redact(v.display());
    }
    return out.length() > MAX_VALUE ? out.substring(0, MAX_VALUE) + " ... (truncated)" : out;
  }

  private static boolean secret(TfRun run, String name) {
    return Redactor.isSecretName(name) && !run.types.isPublicAttribute(name);
  }

  static Evidence evidence(TfRun run, HclFile file, Hcl.Attribute a, String name, TfValue v) {
    String line = file.lineText(a);
    if (v instanceof Str s && secret(run, name) && !s.value().isEmpty()) {
      line = name + " = " + run.redactor.envValue(name, s.value());
    }
    return run.types.isPublicAttribute(name) ? Evidence.of(run.sourceId, file.locator(a), line)
        : run.evidence(file.locator(a), line);
  }

  /** Every reference in the block, by attribute path; lifecycle blocks name attributes, not resources. */
  private static void walkRefs(ModuleInstance m, ResourceRecord r, HclFile file, Hcl.Block block, Scope scope, String prefix) {
    for (BodyContent c : block.getBody()) {
      if (c instanceof Hcl.Attribute a) {
        Refs found = new Refs();
        Evidence at = m.run.evidence(file.locator(a), file.lineText(a));
        m.walker.walk(a.getValue(), scope, at, found);
        found.targets.forEach((id, evs) -> {
          r.refs.targets.computeIfAbsent(id, k -> new TreeSet<>()).addAll(evs);
          r.refsByPath.computeIfAbsent(prefix + a.getSimpleName(), k -> new TreeSet<>()).add(id);
        });
      } else if (c instanceof Hcl.Block b && b.getType() != null) {
        String type = b.getType().getName();
        if (type.equals("lifecycle")) continue;
        if (type.equals("dynamic")) {
          List<String> labels = ModuleDecl.labels(b);
          if (labels.isEmpty()) continue;
          String name = labels.get(0);
          Hcl.Attribute fe = ModuleDecl.attribute(b, "for_each");
          if (fe != null) {
            Refs found = new Refs();
            m.walker.walk(fe.getValue(), scope, m.run.evidence(file.locator(fe), file.lineText(fe)), found);
            found.targets.forEach((id, evs) -> {
              r.refs.targets.computeIfAbsent(id, k -> new TreeSet<>()).addAll(evs);
              r.refsByPath.computeIfAbsent(prefix + name + ".for_each", k -> new TreeSet<>()).add(id);
            });
          }
          for (Blocks.Occurrence o : Blocks.nested(block, name, scope)) {
            if (o.cited() == b) walkRefs(m, r, file, o.body(), o.scope(), prefix + name + ".");
          }
        } else {
          walkRefs(m, r, file, b, scope, prefix + type + ".");
        }
      }
    }
  }
}
