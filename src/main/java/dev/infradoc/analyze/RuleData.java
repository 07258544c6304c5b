package dev.infradoc.analyze;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** knowledge/findings.yaml: ports, TLS policies, backup tools, time-sync and log-shipping technologies rules look up. */
public record RuleData(String version, List<String> worldCidrs, List<SensitivePort> sensitivePorts,
    List<String> oldTlsPolicies, String defaultLbTlsPolicy, String backupCommand, List<String> timeSync,
    List<String> logShippers, List<String> adminPolicyArns) {

  /** A port that should not face the internet, what usually listens there, and its role (database, admin, metrics...). */
  public record SensitivePort(int port, String name, String role) {}

  private static final RuleData LOADED = load("/knowledge/findings.yaml", RuleData.class);

  public static RuleData get() {
    return LOADED;
  }

  public Map<Integer, SensitivePort> portsByNumber() {
    return sensitivePorts.stream().collect(Collectors.toMap(SensitivePort::port, Function.identity()));
  }

  public Pattern backupPattern() {
    return Pattern.compile(backupCommand, Pattern.CASE_INSENSITIVE);
  }

  static <T> T load(String resource, Class<T> type) {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    try (InputStream in = RuleData.class.getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException(resource + " is missing from the jar");
      return yaml.readValue(in, type);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
