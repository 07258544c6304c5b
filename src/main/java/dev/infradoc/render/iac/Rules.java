package dev.infradoc.render.iac;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.infradoc.model.Component;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The data behind the IaC documents: knowledge/traffic.yaml (how requests travel) and knowledge/documents.yaml (what to show). */
public final class Rules {
  /** Where requests from outside arrive, and from whom. */
  public record Entry(Match match, String from) {}

  /** A Terraform reference that carries requests; {@code along} false means requests go against it. */
  public record HopRule(Pattern type, Pattern attribute, boolean along, String says) {}

  /** A group of references that only wire resources together. */
  public record Structural(String group, Match from, Match to) {}

  /** A section rule: the first whose match fits a component gives its column templates. */
  public record Columns(Match match, Pattern facets, Map<String, List<String>> columns) {
    public List<String> column(String name) {
      return columns.getOrDefault(name, List.of());
    }
  }

  private static Rules loaded;

  public final List<Entry> entries = new ArrayList<>();
  public final List<HopRule> hops = new ArrayList<>();
  public final List<String> notTraffic = new ArrayList<>();
  public final List<Structural> structural = new ArrayList<>();
  public final Map<String, List<Columns>> sections = new LinkedHashMap<>();
  public Pattern securityGroupType;
  public Pattern wornAttribute;
  public Pattern inheritAttribute;
  public Pattern usesFrom;
  public Pattern usesTo;
  public Pattern usesExcept;
  public Pattern placementAttribute;
  /** Kinds whose configured edges forward requests (proxies), and the verb for them. */
  public Pattern forwardsFrom;
  public String forwardsSays;

  public static synchronized Rules get() {
    if (loaded == null) loaded = load();
    return loaded;
  }

  private static Rules load() {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    JsonNode traffic = read(yaml, "traffic.yaml");
    JsonNode docs = read(yaml, "documents.yaml");
    Rules r = new Rules();
    traffic.path("entries").forEach(e -> r.entries.add(new Entry(match(e.path("match")), e.path("from").asText())));
    traffic.path("hops").forEach(h -> r.hops.add(new HopRule(Pattern.compile(h.path("type").asText()),
        Pattern.compile(h.path("attribute").asText()), h.path("flow").asText().equals("along"), h.path("says").asText())));
    traffic.path("notTraffic").forEach(k -> r.notTraffic.add(k.asText()));
    JsonNode sg = traffic.path("securityGroups");
    r.securityGroupType = Pattern.compile(sg.path("type").asText());
    r.wornAttribute = Pattern.compile(sg.path("worn").asText());
    r.inheritAttribute = Pattern.compile(sg.path("inherit").asText());
    JsonNode uses = traffic.path("uses");
    r.usesFrom = Pattern.compile(uses.path("from").asText());
    r.usesTo = Pattern.compile(uses.path("to").asText());
    r.usesExcept = Pattern.compile(uses.path("except").asText());
    r.placementAttribute = Pattern.compile(traffic.path("placement").asText());
    r.forwardsFrom = Pattern.compile(traffic.path("forwards").path("from").asText());
    r.forwardsSays = traffic.path("forwards").path("says").asText();
    traffic.path("structural").forEach(s -> r.structural.add(new Structural(s.path("group").asText(),
        match(s.path("match")), match(s.path("to")))));
    docs.fields().forEachRemaining(section -> {
      if (!section.getValue().isArray()) return;
      List<Columns> rules = new ArrayList<>();
      for (JsonNode rule : section.getValue()) {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        rule.fields().forEachRemaining(f -> {
          if (!f.getValue().isArray()) return;
          List<String> segments = new ArrayList<>();
          f.getValue().forEach(s -> segments.add(s.asText()));
          columns.put(f.getKey(), segments);
        });
        String facets = rule.path("facets").asText("");
        rules.add(new Columns(match(rule.path("match")), facets.isEmpty() ? null : Pattern.compile(facets), columns));
      }
      r.sections.put(section.getKey(), rules);
    });
    return r;
  }

  /** The first rule of a documents.yaml section that fits the component. */
  public Optional<Columns> columns(String section, Component c) {
    return sections.getOrDefault(section, List.of()).stream().filter(rule -> rule.match().matches(c)).findFirst();
  }

  private static Match match(JsonNode node) {
    Map<String, String> raw = new LinkedHashMap<>();
    node.fields().forEachRemaining(f -> raw.put(f.getKey(), f.getValue().asText()));
    return Match.of(raw);
  }

  private static JsonNode read(ObjectMapper yaml, String name) {
    try (InputStream in = Rules.class.getResourceAsStream("/knowledge/" + name)) {
      if (in == null) throw new IllegalStateException("knowledge file missing from the jar: " + name);
      return yaml.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read knowledge file " + name, e);
    }
  }
}
