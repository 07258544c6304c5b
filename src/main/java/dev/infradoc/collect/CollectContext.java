package dev.infradoc.collect;

import dev.infradoc.knowledge.Knowledge;
import dev.infradoc.redact.Redactor;

/** What every collector gets: the scan's options, the knowledge base, the redactor and an event sink. */
public record CollectContext(
    CollectOptions options, Knowledge knowledge, Redactor redactor, CollectEvents events) {}
