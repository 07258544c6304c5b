package dev.infradoc.collect.terraform;

import dev.infradoc.model.Evidence;
import dev.infradoc.model.Problem;
import dev.infradoc.redact.Redactor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** What the reading of one Terraform root shares: where ids and evidence point, and what it found. */
final class TfRun {
  final String sourceId;
  /** "tf:" or "tf:&lt;root dir&gt;/" when the target holds several roots. */
  final String idPrefix;
  final ResourceTypes types;
  final Redactor redactor;
  final ModuleLoader loader;
  final TreeSet<Problem> problems;
  final List<ResourceRecord> records = new ArrayList<>();
  /** The root module's directory (absolute), where file() paths start; files() reads within the target. */
  final java.nio.file.Path rootDir;
  final TfFiles files;
  // Redaction is a pure function of the text and the costliest step of reading a large tree; lines
  // repeat (every count/for_each instance shows its block's lines again), so each is redacted once.
  private final Map<String, String> redacted = new HashMap<>();

  TfRun(String sourceId, String idPrefix, ResourceTypes types, Redactor redactor, ModuleLoader loader,
      TreeSet<Problem> problems, java.nio.file.Path rootDir, java.nio.file.Path targetDir) {
    this.sourceId = sourceId;
    this.idPrefix = idPrefix;
    this.types = types;
    this.redactor = redactor;
    this.loader = loader;
    this.problems = problems;
    this.rootDir = rootDir.toAbsolutePath().normalize();
    this.files = new TfFiles(this.rootDir, targetDir);
  }

  /** {@link Redactor#text}, remembered per text. */
  String redact(String text) {
    if (text == null) return "";
    return redacted.computeIfAbsent(text, redactor::text);
  }

  Evidence evidence(String locator, String excerpt) {
    String e = redact(excerpt);
    if (e.length() > 200) e = e.substring(0, 197) + "...";
    return Evidence.of(sourceId, locator, e);
  }

  void problem(String what, String reason, String hint) {
    problems.add(new Problem(sourceId, what, reason, hint));
  }
}
