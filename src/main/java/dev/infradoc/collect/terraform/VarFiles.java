package dev.infradoc.collect.terraform;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.infradoc.model.Collection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openrewrite.hcl.tree.BodyContent;
import org.openrewrite.hcl.tree.Hcl;

/**
 * Variable values of a root module, in Terraform's order: terraform.tfvars, terraform.tfvars.json,
 * *.auto.tfvars(.json) by name, then each --var-file; a later file wins.
 */
final class VarFiles {
  private VarFiles() {}

  static Map<String, ModuleInstance.Input> load(TfRun run, Path rootDir, List<Path> varFiles, List<Collection.Step> steps) {
    List<Path> files = new ArrayList<>();
    files.add(rootDir.resolve("terraform.tfvars"));
    files.add(rootDir.resolve("terraform.tfvars.json"));
    try (Stream<Path> s = Files.list(rootDir)) {
      s.filter(p -> p.getFileName().toString().matches(".*\\.auto\\.tfvars(\\.json)?")).sorted().forEach(files::add);
    } catch (IOException e) {
      // an unreadable directory has no auto files; the module files themselves report the failure
    }
    files.addAll(varFiles);
    Map<String, ModuleInstance.Input> out = new HashMap<>();
    for (Path f : files) {
      if (!Files.isRegularFile(f)) {
        if (varFiles.contains(f)) run.problem("var file " + f, "not found", "check the --var-file path");
        continue;
      }
      if (f.toString().endsWith(".json")) json(run, f, out, steps);
      else hcl(run, f, out);
    }
    return out;
  }

  private static void hcl(TfRun run, Path f, Map<String, ModuleInstance.Input> out) {
    HclFile file = run.loader.parse(f);
    if (file == null) return;
    for (BodyContent c : file.tree().getBody()) {
      if (!(c instanceof Hcl.Attribute a)) continue;
      Refs refs = new Refs();
      refs.origins.add(run.evidence(file.locator(a), excerpt(a.getSimpleName(), file.lineText(a))));
      out.put(a.getSimpleName(), new ModuleInstance.Input(Evaluator.eval(a.getValue(), Scope.EMPTY), refs));
    }
  }

  /** Values in var files are often secrets; the excerpt keeps only the name when the name says so. */
  private static String excerpt(String name, String line) {
    return dev.infradoc.redact.Redactor.isSecretName(name) ? name + " = " + dev.infradoc.redact.Redactor.marker("value") : line;
  }

  private static void json(TfRun run, Path f, Map<String, ModuleInstance.Input> out, List<Collection.Step> steps) {
    String rel = run.loader.relative(f);
    ObjectMapper mapper = new ObjectMapper();
    try (JsonParser p = mapper.createParser(f.toFile())) {
      if (p.nextToken() != JsonToken.START_OBJECT) throw new IOException("not a JSON object");
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        int line = p.currentTokenLocation().getLineNr();
        p.nextToken();
        JsonNode value = mapper.readTree(p);
        Refs refs = new Refs();
        refs.origins.add(run.evidence(rel + ":" + line, excerpt(name, "\"" + name + "\": " + value)));
        out.put(name, new ModuleInstance.Input(JsonValues.of(value), refs));
      }
      steps.add(new Collection.Step(rel, "read variables", 0, 0));
    } catch (IOException | RuntimeException e) {
      run.problem(rel, "not valid JSON: " + e.getMessage().lines().findFirst().orElse(""), "");
    }
  }
}
