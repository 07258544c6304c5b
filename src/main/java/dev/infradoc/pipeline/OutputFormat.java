package dev.infradoc.pipeline;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** A kind of output `scan --format` can select; the default set is what a scan always wrote. */
public enum OutputFormat {
  /** architecture.md, diagrams.md, security.md and, for a fleet, hosts/NAME.md. */
  MARKDOWN,
  /** model.json. */
  JSON,
  /** findings.sarif. */
  SARIF,
  /** site/: a static HTML site with the diagrams drawn by a bundled Mermaid. */
  HTML,
  /** workspace.dsl for Structurizr (C4). */
  STRUCTURIZR;

  public static final Set<OutputFormat> DEFAULT = EnumSet.of(MARKDOWN, JSON, SARIF);

  /** Parses "markdown,json", "all" or a single name; names are case-insensitive. */
  public static Set<OutputFormat> parse(String list) {
    Set<OutputFormat> out = EnumSet.noneOf(OutputFormat.class);
    for (String part : list.split(",")) {
      String name = part.strip().toLowerCase(Locale.ROOT);
      if (name.isEmpty()) continue;
      if (name.equals("all")) {
        out.addAll(EnumSet.allOf(OutputFormat.class));
        continue;
      }
      OutputFormat f = switch (name) {
        case "markdown", "md" -> MARKDOWN;
        case "json" -> JSON;
        case "sarif" -> SARIF;
        case "html", "site" -> HTML;
        case "structurizr", "dsl" -> STRUCTURIZR;
        default -> throw new IllegalArgumentException("unknown format '" + part.strip()
            + "'; use markdown, json, sarif, html, structurizr or all, separated by commas");
      };
      out.add(f);
    }
    if (out.isEmpty()) throw new IllegalArgumentException("--format names no format; use markdown, json, sarif, html, structurizr or all");
    return out;
  }
}
