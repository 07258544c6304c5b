package dev.infradoc.render;

import dev.infradoc.model.Severity;

/** What a findings rule is, for documents that list rules (security.md, findings.sarif): id, default severity, one-line summary. */
public record RuleInfo(String id, Severity severity, String summary) {}
