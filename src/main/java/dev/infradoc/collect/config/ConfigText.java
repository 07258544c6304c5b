package dev.infradoc.collect.config;

import dev.infradoc.model.Evidence;
import dev.infradoc.redact.Redactor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** One configuration file's lines, and evidence pointing at them (excerpts redacted). */
final class ConfigText {
  /** Larger files are not configuration anyone writes by hand. */
  static final long MAX_BYTES = 2L * 1024 * 1024;

  final String path;
  final List<String> lines;
  private final String sourceId;
  private final Redactor redactor;

  ConfigText(String path, List<String> lines, String sourceId, Redactor redactor) {
    this.path = path;
    this.lines = List.copyOf(lines);
    this.sourceId = sourceId;
    this.redactor = redactor;
  }

  static ConfigText read(Path root, String rel, String sourceId, Redactor redactor) throws IOException {
    Path file = root.resolve(rel);
    if (Files.size(file) > MAX_BYTES) throw new IOException("larger than " + MAX_BYTES / (1024 * 1024) + " MB, not read");
    String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
    return new ConfigText(rel, List.of(text.split("\r?\n", -1)), sourceId, redactor);
  }

  /** Evidence for a 1-based line: {@code path:line} and the line, redacted. */
  Evidence at(int line) {
    String text = line >= 1 && line <= lines.size() ? lines.get(line - 1).strip() : "";
    return Evidence.of(sourceId, path + ":" + line, redactor.text(text.length() > 200 ? text.substring(0, 197) + "..." : text));
  }

  String sourceId() {
    return sourceId;
  }

  Redactor redactor() {
    return redactor;
  }
}
