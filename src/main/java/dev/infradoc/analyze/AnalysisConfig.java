package dev.infradoc.analyze;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.infradoc.model.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What .infradoc.yml says about findings: rules turned off, severities changed, findings accepted
 * with a reason. Accepted findings stay in every output, marked accepted. Format:
 * <pre>
 * rules:
 *   security.ssh.password-login: off
 *   availability.nat.single-gateway: {severity: low}
 * accept:
 *   "recovery.database.no-backup-observed:host:db01/postgres": "snapshotted by the hypervisor nightly"
 * </pre>
 * An accept key is a finding id, or a rule id to accept all of that rule's findings.
 */
public record AnalysisConfig(Set<String> disabled, Map<String, Severity> severities, Map<String, String> accepted) {
  public static final AnalysisConfig NONE = new AnalysisConfig(Set.of(), Map.of(), Map.of());
  public static final String DEFAULT_FILE = ".infradoc.yml";

  /** Reads {@code file}; throws IllegalArgumentException with a one-line reason when it is malformed or names an unknown rule. */
  public static AnalysisConfig read(Path file, Set<String> knownRules) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
    } catch (java.nio.file.NoSuchFileException e) {
      throw new IllegalArgumentException(file + ": no such file (--config names the findings configuration)");
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage().lines().findFirst().orElse(""));
    }
    if (root == null || root.isMissingNode() || root.isNull()) return NONE;
    if (!root.isObject()) throw new IllegalArgumentException(file + ": expected a mapping with 'rules' and/or 'accept'");
    Set<String> disabled = new TreeSet<>();
    Map<String, Severity> severities = new TreeMap<>();
    Map<String, String> accepted = new TreeMap<>();
    for (Iterator<String> keys = root.fieldNames(); keys.hasNext(); ) {
      String key = keys.next();
      if (!key.equals("rules") && !key.equals("accept")) {
        throw new IllegalArgumentException(file + ": unknown key '" + key + "' (expected 'rules' or 'accept')");
      }
    }
    root.path("rules").fields().forEachRemaining(e -> {
      String rule = known(file, e.getKey(), knownRules);
      JsonNode v = e.getValue();
      if (v.isBoolean() && !v.asBoolean() || v.isTextual() && v.asText().equalsIgnoreCase("off")) {
        disabled.add(rule);
      } else if (v.isObject() && v.has("severity")) {
        severities.put(rule, severity(file, rule, v.get("severity").asText()));
        if (v.has("enabled") && !v.get("enabled").asBoolean(true)) disabled.add(rule);
      } else if (v.isObject() && v.has("enabled")) {
        if (!v.get("enabled").asBoolean(true)) disabled.add(rule);
      } else {
        throw new IllegalArgumentException(file + ": rule " + rule + ": expected 'off' or {severity: critical|high|medium|low|info}");
      }
    });
    root.path("accept").fields().forEachRemaining(e -> {
      String reason = e.getValue().asText("").strip();
      if (reason.isEmpty()) throw new IllegalArgumentException(file + ": accepting " + e.getKey() + " needs a reason");
      known(file, e.getKey().contains(":") ? e.getKey().substring(0, e.getKey().indexOf(':')) : e.getKey(), knownRules);
      accepted.put(e.getKey(), reason);
    });
    return new AnalysisConfig(Set.copyOf(disabled), Map.copyOf(severities), Map.copyOf(accepted));
  }

  private static String known(Path file, String rule, Set<String> knownRules) {
    if (!knownRules.contains(rule)) throw new IllegalArgumentException(file + ": no rule '" + rule + "' (see security.md for rule ids)");
    return rule;
  }

  private static Severity severity(Path file, String rule, String text) {
    try {
      return Severity.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": rule " + rule + ": severity '" + text + "' is not one of critical, high, medium, low, info");
    }
  }
}
