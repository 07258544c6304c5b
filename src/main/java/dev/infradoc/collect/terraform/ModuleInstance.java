package dev.infradoc.collect.terraform;

import dev.infradoc.collect.terraform.ModuleDecl.Decl;
import dev.infradoc.collect.terraform.TfValue.ListV;
import dev.infradoc.collect.terraform.TfValue.MapV;
import dev.infradoc.collect.terraform.TfValue.Num;
import dev.infradoc.collect.terraform.TfValue.Str;
import dev.infradoc.model.Evidence;
import dev.infradoc.redact.Redactor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openrewrite.hcl.tree.BodyContent;
import org.openrewrite.hcl.tree.Expression;
import org.openrewrite.hcl.tree.Hcl;

/**
 * One instance of a module (the root, or {@code module.vpc}, or {@code module.app[0]}): its
 * variables, locals, resource instances and child modules, resolved lazily as references need them.
 */
final class ModuleInstance implements Scope {
  private static final int MAX_DEPTH = 20;
  private static final int MAX_INSTANCES = 10_000;
  private static final Set<String> MODULE_META = Set.of("source", "version", "count", "for_each", "providers", "depends_on");
  private static final Set<String> NOT_RESOURCES = Set.of("var", "local", "module", "data", "count", "each", "self", "path", "terraform");

  /** A value given to a variable and the lines it came from. */
  record Input(TfValue value, Refs refs) {}

  /** The instance keys of a resource or module: "" alone, [0].., ["a"].., or unknown (the expression as written). */
  record Expansion(List<Key> keys, String unknown, String written) {}

  /** One instance key and what count.index / each.key / each.value are for it. */
  record Key(String suffix, TfValue index, TfValue eachKey, TfValue eachValue) {}

  final TfRun run;
  final ModuleDecl decl;
  final Path dir;
  /** "" for the root, "module.vpc." or "module.app[0]." below it. */
  final String address;
  private final int depth;
  private final Map<String, TfValue> vars = new HashMap<>();
  private final Map<String, Refs> varRefs = new HashMap<>();
  private final Map<String, TfValue> localValues = new HashMap<>();
  private final Map<String, Refs> localRefs = new HashMap<>();
  private final Map<String, Refs> outputRefs = new HashMap<>();
  private final Map<String, TfValue> outputValues = new HashMap<>();
  private final Map<String, Expansion> expansions = new HashMap<>();
  private final Map<String, ModuleCall> calls = new HashMap<>();
  private final Set<String> evaluating = new HashSet<>();
  final RefWalker walker = new RefWalker(this::resolve);

  ModuleInstance(TfRun run, ModuleDecl decl, Path dir, String address, int depth, Map<String, Input> inputs) {
    this.run = run;
    this.decl = decl;
    this.dir = dir;
    this.address = address;
    this.depth = depth;
    decl.variables.forEach((name, d) -> {
      Input in = inputs.get(name);
      if (in != null) {
        vars.put(name, in.value());
        varRefs.put(name, sensitive(name) ? hidden(name, in.refs()) : in.refs());
        return;
      }
      Hcl.Attribute def = ModuleDecl.attribute(d.node(), "default");
      Refs refs = new Refs();
      if (def != null) {
        vars.put(name, Evaluator.eval(def.getValue(), Scope.EMPTY));
        refs.origins.add(run.evidence(d.file().locator(def), sensitive(name)
            ? "default = " + Redactor.marker("sensitive variable") : d.file().lineText(def)));
      } else {
        run.problem("variable " + address + "var." + name + " (" + d.file().locator(d.node()) + ")",
            "no value: no default, and not set by the caller, terraform.tfvars, *.auto.tfvars or --var-file",
            "pass a --var-file; references to it are kept as written");
      }
      varRefs.put(name, refs);
    });
  }

  /** The lines a sensitive variable's value came from, without the value. */
  private Refs hidden(String name, Refs refs) {
    Refs out = new Refs();
    refs.targets.forEach((id, evs) -> evs.forEach(e -> out.target(id, e)));
    for (Evidence e : refs.origins) {
      out.origins.add(Evidence.of(e.source(), e.locator(), name + " = " + Redactor.marker("sensitive variable")));
    }
    return out;
  }

  // ---- Scope

  @Override
  public TfFiles files() {
    return run.files;
  }

  @Override
  public TfValue binding(String name) {
    return null;
  }

  @Override
  public TfValue member(String root, String name) {
    switch (root) {
      case "var" -> {
        return sensitive(name) ? null : vars.get(name);
      }
      case "local" -> {
        return local(name);
      }
      case "module" -> {
        ModuleCall call = call(name);
        return call == null ? null : call.outputs();
      }
      case "path" -> {
        // As Terraform gives them when run in the root module's directory.
        if (name.equals("root")) return new Str(".");
        if (!name.equals("module")) return null;
        String rel = run.rootDir.relativize(dir.toAbsolutePath().normalize()).toString().replace('\\', '/');
        return new Str(rel.isEmpty() ? "." : rel);
      }
      default -> {
        return null;
      }
    }
  }

  /** Variables marked sensitive, or named like a secret, are never resolved to their value. */
  boolean sensitive(String name) {
    Decl<Hcl.Block> d = decl.variables.get(name);
    if (d == null) return false;
    Expression s = ModuleDecl.value(d.node(), "sensitive");
    return (s != null && TfValue.isTrue(Evaluator.eval(s, Scope.EMPTY))) || Redactor.isSecretName(name);
  }

  private TfValue local(String name) {
    if (localValues.containsKey(name)) return localValues.get(name);
    Decl<Hcl.Attribute> d = decl.locals.get(name);
    if (d == null || !evaluating.add("local." + name)) return null;
    TfValue v = Evaluator.eval(d.node().getValue(), this);
    evaluating.remove("local." + name);
    localValues.put(name, v);
    return v;
  }

  /** A scope for one instance: count.index, each.key and each.value. */
  Scope instanceScope(Key key) {
    ModuleInstance module = this;
    return new Scope() {
      public TfValue binding(String name) {
        return null;
      }

      public TfValue member(String root, String name) {
        if (root.equals("count") && name.equals("index")) return key.index();
        if (root.equals("each") && name.equals("key")) return key.eachKey();
        if (root.equals("each") && name.equals("value")) return key.eachValue();
        return module.member(root, name);
      }

      public TfFiles files() {
        return module.files();
      }
    };
  }

  // ---- count / for_each

  Expansion expansion(String what, Hcl.Block b) {
    Expansion cached = expansions.get(what);
    if (cached != null) return cached;
    Expansion e = expand(b);
    expansions.put(what, e);
    return e;
  }

  private Expansion expand(Hcl.Block b) {
    Expression count = ModuleDecl.value(b, "count");
    Expression forEach = ModuleDecl.value(b, "for_each");
    if (count != null) {
      TfValue v = Evaluator.eval(count, this);
      if (!(v instanceof Num n) || n.value().signum() < 0 || n.value().intValue() > MAX_INSTANCES) {
        return new Expansion(List.of(), Evaluator.text(count), "count");
      }
      List<Key> keys = new ArrayList<>();
      for (int i = 0; i < n.value().intValue(); i++) keys.add(new Key("[" + i + "]", Num.of(i), null, null));
      return new Expansion(keys, null, "count");
    }
    if (forEach != null) {
      TfValue v = Evaluator.eval(forEach, this);
      List<Key> keys = new ArrayList<>();
      if (v instanceof MapV m && m.entries().size() <= MAX_INSTANCES) {
        m.entries().forEach((k, val) -> keys.add(new Key(quoted(k), null, new Str(k), val)));
      } else if (v instanceof ListV l && l.known() && l.items().size() <= MAX_INSTANCES
          && l.items().stream().allMatch(x -> x instanceof Str)) {
        l.items().stream().map(TfValue::display).distinct().sorted()
            .forEach(k -> keys.add(new Key(quoted(k), null, new Str(k), new Str(k))));
      } else {
        return new Expansion(List.of(), Evaluator.text(forEach), "for_each");
      }
      return new Expansion(keys, null, "for_each");
    }
    return new Expansion(List.of(new Key("", null, null, null)), null, "");
  }

  private static String quoted(String key) {
    return "[\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
  }

  /** Ids of a resource's instances; with a known index only that one. */
  List<String> resourceIds(String typeName, TfValue index) {
    Decl<Hcl.Block> d = decl.resources.get(typeName);
    String base = run.idPrefix + address + typeName;
    Expansion e = expansion("resource." + typeName, d.node());
    if (e.unknown() != null || e.keys().isEmpty()) return List.of(base);
    if (index != null && index.known()) {
      String suffix = index instanceof Num ? "[" + index.display() + "]" : quoted(index.display());
      for (Key k : e.keys()) {
        if (k.suffix().equals(suffix)) return List.of(base + suffix);
      }
    }
    return e.keys().stream().map(k -> base + k.suffix()).toList();
  }

  // ---- references

  private void resolve(Traversal t, Scope scope, Evidence at, Refs into) {
    String root = t.root();
    String name = t.attr(0);
    if (name == null) return;
    switch (root) {
      case "var" -> {
        if (!decl.variables.containsKey(name)) {
          run.problem("reference " + address + "var." + name + " (" + at.locator() + ")", "refers to a variable that is not declared", "");
          return;
        }
        into.addAll(varRefs.getOrDefault(name, new Refs()), at);
      }
      case "local" -> {
        Refs r = localRefs(name);
        if (r == null) {
          run.problem("reference " + address + "local." + name + " (" + at.locator() + ")", "refers to a local value that is not defined", "");
          return;
        }
        into.addAll(r, at);
      }
      case "module" -> moduleRef(t, name, scope, at, into);
      default -> {
        if (NOT_RESOURCES.contains(root)) return;
        String typeName = root + "." + name;
        if (!decl.resources.containsKey(typeName)) {
          if (root.contains("_")) {
            run.problem("reference " + address + typeName + " (" + at.locator() + ")", "refers to a resource that is not declared in this module", "");
          }
          return;
        }
        TfValue index = null;
        if (t.steps().size() > 1 && t.steps().get(1) instanceof Traversal.Index ix) {
          index = Evaluator.eval(ix.key(), scope);
        }
        for (String id : resourceIds(typeName, index)) into.target(id, at);
      }
    }
  }

  private void moduleRef(Traversal t, String name, Scope scope, Evidence at, Refs into) {
    ModuleCall call = call(name);
    if (call == null) {
      if (!decl.modules.containsKey(name)) {
        run.problem("reference " + address + "module." + name + " (" + at.locator() + ")", "refers to a module that is not declared", "");
      }
      return;
    }
    int next = 1;
    TfValue index = null;
    if (t.steps().size() > 1 && t.steps().get(1) instanceof Traversal.Index ix) {
      index = Evaluator.eval(ix.key(), scope);
      next = 2;
    }
    String output = t.attr(next);
    List<String> suffixes = call.suffixes(index);
    if (!call.local) {
      suffixes.forEach(s -> into.target(call.componentId(s), at));
      return;
    }
    for (String s : suffixes) {
      ModuleInstance child = call.children.get(s);
      if (child == null) continue;
      if (output != null) {
        Refs r = child.outputRefs(output);
        if (r == null) {
          run.problem("reference " + address + "module." + name + "." + output + " (" + at.locator() + ")",
              "the module has no such output", "");
        } else {
          into.addAll(r, at);
        }
      } else {
        child.decl.outputs.keySet().forEach(o -> into.addAll(child.outputRefs(o), at));
      }
    }
  }

  Refs localRefs(String name) {
    if (localRefs.containsKey(name)) return localRefs.get(name);
    Decl<Hcl.Attribute> d = decl.locals.get(name);
    if (d == null) return null;
    if (!evaluating.add("localrefs." + name)) return new Refs();
    Refs r = new Refs();
    Evidence at = run.evidence(d.file().locator(d.node()), d.file().lineText(d.node()));
    walker.walk(d.node().getValue(), this, at, r);
    r.origins.add(at);
    evaluating.remove("localrefs." + name);
    localRefs.put(name, r);
    return r;
  }

  Refs outputRefs(String name) {
    if (outputRefs.containsKey(name)) return outputRefs.get(name);
    Decl<Hcl.Block> d = decl.outputs.get(name);
    if (d == null) return null;
    Hcl.Attribute value = ModuleDecl.attribute(d.node(), "value");
    Refs r = new Refs();
    if (value != null && evaluating.add("outputrefs." + name)) {
      Evidence at = run.evidence(d.file().locator(value), d.file().lineText(value));
      walker.walk(value.getValue(), this, at, r);
      r.origins.add(at);
      evaluating.remove("outputrefs." + name);
    }
    outputRefs.put(name, r);
    return r;
  }

  TfValue outputValue(String name) {
    if (outputValues.containsKey(name)) return outputValues.get(name);
    Decl<Hcl.Block> d = decl.outputs.get(name);
    Expression value = d == null ? null : ModuleDecl.value(d.node(), "value");
    if (value == null || !evaluating.add("output." + name)) return null;
    Expression sens = ModuleDecl.value(d.node(), "sensitive");
    TfValue v = sens != null && TfValue.isTrue(Evaluator.eval(sens, Scope.EMPTY))
        ? new TfValue.Unknown("module output " + name + " (sensitive)") : Evaluator.eval(value, this);
    evaluating.remove("output." + name);
    outputValues.put(name, v);
    return v;
  }

  // ---- module calls

  ModuleCall call(String name) {
    if (calls.containsKey(name)) return calls.get(name);
    Decl<Hcl.Block> d = decl.modules.get(name);
    if (d == null || !evaluating.add("module." + name)) return null;
    ModuleCall call = new ModuleCall(this, name, d);
    evaluating.remove("module." + name);
    calls.put(name, call);
    return call;
  }

  /** A module block: a local module (its instances evaluated) or a registry/git module (a component). */
  final class ModuleCall {
    final String name;
    final Decl<Hcl.Block> decl;
    final String source;
    final boolean local;
    final Expansion expansion;
    final Map<String, ModuleInstance> children = new LinkedHashMap<>();

    ModuleCall(ModuleInstance parent, String name, Decl<Hcl.Block> decl) {
      this.name = name;
      this.decl = decl;
      Expression src = ModuleDecl.value(decl.node(), "source");
      TfValue s = src == null ? new Str("") : Evaluator.eval(src, Scope.EMPTY);
      this.source = s.display();
      this.local = source.startsWith("./") || source.startsWith("../");
      this.expansion = parent.expansion("module." + name, decl.node());
      if (!local) return;
      if (depth >= MAX_DEPTH) {
        run.problem("module " + address + "module." + name + " (" + decl.file().locator(decl.node()) + ")",
            "modules nest deeper than " + MAX_DEPTH + " levels; not followed", "");
        return;
      }
      Path childDir = dir.resolve(source).normalize();
      ModuleDecl childDecl = run.loader.load(childDir);
      if (childDecl == null) {
        run.problem("module " + address + "module." + name + " (" + decl.file().locator(decl.node()) + ")",
            "its source " + source + " is not a directory", "check the module source path");
        return;
      }
      List<Key> keys = expansion.unknown() != null || expansion.keys().isEmpty()
          ? (expansion.unknown() != null ? List.of(new Key("", null, null, null)) : List.of()) : expansion.keys();
      for (Key k : keys) {
        Map<String, Input> inputs = inputs(parent, k);
        String childAddress = address + "module." + name + k.suffix() + ".";
        children.put(k.suffix(), new ModuleInstance(run, childDecl, childDir, childAddress, depth + 1, inputs));
      }
    }

    private Map<String, Input> inputs(ModuleInstance parent, Key k) {
      Map<String, Input> inputs = new HashMap<>();
      Scope scope = parent.instanceScope(k);
      for (BodyContent c : decl.node().getBody()) {
        if (!(c instanceof Hcl.Attribute a) || MODULE_META.contains(a.getSimpleName())) continue;
        Evidence at = run.evidence(decl.file().locator(a), decl.file().lineText(a));
        Refs refs = new Refs();
        parent.walker.walk(a.getValue(), scope, at, refs);
        refs.origins.add(at);
        inputs.put(a.getSimpleName(), new Input(Evaluator.eval(a.getValue(), scope), refs));
      }
      return inputs;
    }

    List<String> suffixes(TfValue index) {
      List<String> all = expansion.unknown() != null || expansion.keys().isEmpty()
          ? List.of("") : expansion.keys().stream().map(Key::suffix).toList();
      if (index != null && index.known()) {
        String suffix = index instanceof Num ? "[" + index.display() + "]" : quoted(index.display());
        if (all.contains(suffix)) return List.of(suffix);
      }
      return all;
    }

    String componentId(String suffix) {
      return run.idPrefix + address + "module." + name + suffix;
    }

    /** The module's outputs as a value: an object, or a list/map of objects under count/for_each. */
    TfValue outputs() {
      if (!local || children.isEmpty()) return null;
      if (expansion.written().isEmpty() || expansion.unknown() != null) {
        ModuleInstance only = children.values().iterator().next();
        return expansion.unknown() != null ? null : only.outputsValue();
      }
      if (expansion.written().equals("count")) {
        return new ListV(children.values().stream().map(ModuleInstance::outputsValue).toList());
      }
      Map<String, TfValue> byKey = new LinkedHashMap<>();
      for (Key k : expansion.keys()) byKey.put(k.eachKey().display(), children.get(k.suffix()).outputsValue());
      return new MapV(byKey);
    }
  }

  private TfValue outputsValue() {
    Map<String, TfValue> out = new LinkedHashMap<>();
    for (String o : decl.outputs.keySet()) {
      TfValue v = outputValue(o);
      out.put(o, v == null ? new TfValue.Unknown("module output " + o) : v);
    }
    return new MapV(out);
  }

  // ---- reading resources into records

  void emit() {
    decl.resources.forEach((typeName, d) -> {
      String type = typeName.substring(0, typeName.indexOf('.'));
      Expansion e = expansion("resource." + typeName, d.node());
      String base = run.idPrefix + address + typeName;
      if (e.unknown() != null || e.keys().isEmpty()) {
        ResourceRecord r = new ResourceRecord(base, address + typeName, type, run.types.type(type));
        r.instances = 0;
        Hcl.Attribute meta = ModuleDecl.attribute(d.node(), e.written());
        r.attribute(e.written(), e.unknown() != null ? run.redactor.text(e.unknown()) : "0",
            run.evidence(d.file().locator(meta), d.file().lineText(meta)));
        ResourceReader.read(this, r, d, this);
        run.records.add(r);
        return;
      }
      for (Key k : e.keys()) {
        ResourceRecord r = new ResourceRecord(base + k.suffix(), address + typeName + k.suffix(), type, run.types.type(type));
        ResourceReader.read(this, r, d, instanceScope(k));
        run.records.add(r);
      }
    });
    // Policy documents are not components: they are kept so the roles that use them can be summarised.
    decl.data.forEach((typeName, d) -> {
      if (!typeName.startsWith(PolicyDocument.TYPE + ".")) return;
      ResourceRecord r = new ResourceRecord(run.idPrefix + address + "data." + typeName, address + "data." + typeName,
          PolicyDocument.TYPE, run.types.type(PolicyDocument.TYPE));
      r.document = true;
      r.declaredAt = d.file().locator(d.node());
      r.attribute("json", run.redactor.text(PolicyDocument.json(d.node(), this)),
          run.evidence(r.declaredAt, d.file().lineText(d.node())));
      run.records.add(r);
    });
    for (String name : decl.modules.keySet()) {
      ModuleCall call = call(name);
      if (call == null) continue;
      if (call.local) {
        call.children.values().forEach(ModuleInstance::emit);
      } else {
        for (String s : call.suffixes(null)) ResourceReader.readModule(this, call, s, run.records);
      }
    }
  }
}
