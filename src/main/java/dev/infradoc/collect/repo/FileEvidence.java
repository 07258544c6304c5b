package dev.infradoc.collect.repo;

import dev.infradoc.model.Evidence;
import dev.infradoc.redact.Redactor;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes {@code file:line} evidence for one source, with the line's text as the excerpt after
 * redaction. A {@code key: value} or {@code KEY=value} line whose key names a secret has its value
 * replaced even when the value looks harmless, because the line itself is the only thing shown.
 */
public final class FileEvidence {
  static final int MAX_EXCERPT = 160;
  private static final Pattern KEY_VALUE =
      Pattern.compile("^(-\\s+)?([\"']?)([A-Za-z_][A-Za-z0-9_.-]*)\\2(\\s*[:=]\\s*)(.+)$");

  private static final Pattern FLOW_LIST = Pattern.compile("\\[\\s*[\"'].*[\"']\\s*]");

  private static final Pattern REFERENCE = Pattern.compile(
      "[\"']?(\\$\\{\\{[^}]*}}|\\$\\{[A-Za-z_][A-Za-z0-9_]*}|\\$\\([A-Za-z_][A-Za-z0-9_]*\\)|\\$[A-Za-z_][A-Za-z0-9_]*)[\"']?");

  private final String sourceId;
  private final Redactor redactor;
  private final Map<String, YamlFile> files = new HashMap<>();

  public FileEvidence(String sourceId, Redactor redactor) {
    this.sourceId = sourceId;
    this.redactor = redactor;
  }

  public String sourceId() {
    return sourceId;
  }

  public Redactor redactor() {
    return redactor;
  }

  /** Registers a file so its lines can be quoted. */
  public void add(YamlFile file) {
    files.put(file.path(), file);
  }

  /** Evidence for where a value was written. */
  public Evidence of(YamlNode node) {
    return of(node.file(), node.line());
  }

  /** Evidence for a key of a mapping: the line of the key. */
  public Evidence ofKey(YamlNode map, String key) {
    YamlNode value = map.get(key);
    return of(value.isMissing() ? map.file() : value.file(), map.keyLine(key));
  }

  public Evidence of(String file, int line) {
    YamlFile f = files.get(file);
    String text = f == null ? "" : f.line(line);
    return new Evidence(sourceId, file + ":" + line, excerpt(text));
  }

  /** Evidence for an environment value: the value is shown only as the redactor lets it through. */
  public Evidence ofEnv(YamlNode valueNode, String name, String value) {
    YamlFile f = files.get(valueNode.file());
    String text = f == null ? "" : f.line(valueNode.line());
    if (!value.isEmpty() && text.contains(value)) {
      text = text.replace(value, redactor.envValue(name, value));
    }
    return new Evidence(sourceId, valueNode.file() + ":" + valueNode.line(), excerpt(text));
  }

  /** A line of a target file made safe to show: secret-named values masked, then the redactor's rules. */
  public String excerpt(String line) {
    String s = line.strip();
    // a flow list ["redis-server", "--requirepass", "x"] is shown as the command it is, so the
    // redactor sees an option followed by its value
    if (FLOW_LIST.matcher(s).find()) s = s.replaceAll("[\"']\\s*,\\s*[\"']", " ");
    Matcher m = KEY_VALUE.matcher(s);
    if (m.matches() && Redactor.isSecretName(m.group(3))) {
      String value = m.group(5).strip();
      // a bare reference names where the secret comes from and is kept; "${X:-default}" is not
      // bare: its default may be the secret itself
      boolean reference = REFERENCE.matcher(value).matches() || value.startsWith("[redacted")
          || value.equals("|") || value.equals(">") || value.startsWith("{") || value.startsWith("[")
          || value.startsWith("&") || value.startsWith("*");
      if (!reference) {
        String unquoted = value.replaceAll("^([\"'])(.*)\\1$", "$2");
        s = (m.group(1) == null ? "" : m.group(1)) + m.group(2) + m.group(3) + m.group(2) + m.group(4)
            + redactor.envValue(m.group(3), unquoted);
      }
    }
    s = redactor.text(s);
    return s.length() > MAX_EXCERPT ? s.substring(0, MAX_EXCERPT - 1) + "…" : s;
  }
}
