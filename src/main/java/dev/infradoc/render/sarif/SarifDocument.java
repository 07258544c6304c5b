package dev.infradoc.render.sarif;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.infradoc.model.Evidence;
import dev.infradoc.model.Finding;
import dev.infradoc.model.Model;
import dev.infradoc.model.Severity;
import dev.infradoc.model.Source;
import dev.infradoc.render.RuleInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * findings.sarif (SARIF 2.1.0): findings whose evidence is a file:line in a scanned repository
 * (not a host), so code-scanning tools show them on the line. Every rule is listed with its metadata.
 * Deterministic: no time, no absolute paths for relative scans, order of the model.
 */
public final class SarifDocument {
  public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  private static final Pattern FILE_LINE = Pattern.compile("^(.+):(\\d+)$");
  private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private final Model model;
  private final List<RuleInfo> rules;

  public SarifDocument(Model model, List<RuleInfo> rules) {
    this.model = model;
    this.rules = rules;
  }

  public String render() {
    ObjectNode root = JSON.createObjectNode();
    root.put("$schema", SCHEMA);
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "InfraDoc");
    driver.put("version", model.generatedBy().version());
    driver.put("informationUri", "https://github.com/infradoc/infradoc");
    ArrayNode ruleNodes = driver.putArray("rules");
    Map<String, Integer> ruleIndex = new TreeMap<>();
    for (RuleInfo r : rules) {
      ruleIndex.put(r.id(), ruleIndex.size());
      ObjectNode n = ruleNodes.addObject();
      n.put("id", r.id());
      n.put("name", r.id());
      n.putObject("shortDescription").put("text", r.summary());
      n.putObject("defaultConfiguration").put("level", level(r.severity()));
      n.putObject("properties").put("severity", r.severity().id());
    }
    Map<String, Source> sources = new TreeMap<>();
    model.sources().forEach(s -> sources.put(s.id(), s));
    ArrayNode results = run.putArray("results");
    for (Finding f : model.findings()) {
      List<ObjectNode> locations = new ArrayList<>();
      for (Evidence e : f.evidence()) {
        ObjectNode loc = location(e, sources.get(e.source()));
        if (loc != null) locations.add(loc);
      }
      if (locations.isEmpty()) continue;
      ObjectNode r = results.addObject();
      r.put("ruleId", f.rule());
      if (ruleIndex.containsKey(f.rule())) r.put("ruleIndex", ruleIndex.get(f.rule()));
      r.put("level", level(f.severity()));
      r.putObject("message").put("text", f.title() + ". " + f.detail() + " Recommendation: " + f.recommendation());
      ArrayNode locs = r.putArray("locations");
      locations.forEach(locs::add);
      r.putObject("partialFingerprints").put("infradocFindingId/v1", f.id());
      ObjectNode props = r.putObject("properties");
      props.put("severity", f.severity().id());
      ArrayNode comps = props.putArray("components");
      f.components().forEach(comps::add);
      if (f.isAccepted()) {
        ObjectNode suppression = r.putArray("suppressions").addObject();
        suppression.put("kind", "external");
        suppression.put("status", "accepted");
        suppression.put("justification", f.accepted());
      }
    }
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
        .withObjectIndenter(new DefaultIndenter("  ", "\n")).withArrayIndenter(new DefaultIndenter("  ", "\n"));
    try {
      return JSON.writer(printer).writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("findings.sarif could not be written", e);
    }
  }

  /** A physical location for file:line evidence read from a repository; null for host evidence and commands. */
  private static ObjectNode location(Evidence e, Source source) {
    if (source == null || source.kind().equals("host")) return null;
    Matcher m = FILE_LINE.matcher(e.locator());
    if (!m.matches() || e.locator().contains("#")) return null;
    String file = m.group(1);
    Path base = Path.of(source.location());
    // A scan of a single file records locators by file name; a scan of a directory, relative to it.
    Path path = Path.of(file).isAbsolute() ? Path.of(file)
        : base.getFileName() != null && base.getFileName().toString().equals(file) ? base : base.resolve(file);
    String uri = path.normalize().toString().replace('\\', '/');
    ObjectNode loc = JSON.createObjectNode();
    ObjectNode physical = loc.putObject("physicalLocation");
    ObjectNode artifact = physical.putObject("artifactLocation");
    if (uri.startsWith("/")) {
      artifact.put("uri", "file://" + uri);
    } else {
      artifact.put("uri", uri);
      artifact.put("uriBaseId", "%SRCROOT%");
    }
    ObjectNode region = physical.putObject("region");
    region.put("startLine", Integer.parseInt(m.group(2)));
    if (!e.excerpt().isEmpty()) region.putObject("snippet").put("text", e.excerpt());
    return loc;
  }

  static String level(Severity s) {
    return switch (s) {
      case CRITICAL, HIGH -> "error";
      case MEDIUM -> "warning";
      case LOW, INFO -> "note";
    };
  }
}
