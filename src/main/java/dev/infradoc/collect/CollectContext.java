package dev.infradoc.collect;

import dev.infradoc.knowledge.Knowledge;
import dev.infradoc.redact.Redactor;
import java.util.function.Supplier;

/**
 * What every collector gets: the scan's options, the knowledge base, the redactor and an event sink.
 * The knowledge base may be given as a supplier, so a scan whose collectors never ask for it (a
 * Terraform tree) does not read it.
 */
public final class CollectContext {
  private final CollectOptions options;
  private final Supplier<Knowledge> knowledge;
  private final Redactor redactor;
  private final CollectEvents events;

  public CollectContext(CollectOptions options, Knowledge knowledge, Redactor redactor, CollectEvents events) {
    this(options, () -> knowledge, redactor, events);
  }

  /** @param knowledge called on each use; it must be thread-safe and remember what it read */
  public CollectContext(CollectOptions options, Supplier<Knowledge> knowledge, Redactor redactor, CollectEvents events) {
    this.options = options;
    this.knowledge = knowledge;
    this.redactor = redactor;
    this.events = events;
  }

  public CollectOptions options() {
    return options;
  }

  public Knowledge knowledge() {
    return knowledge.get();
  }

  public Redactor redactor() {
    return redactor;
  }

  public CollectEvents events() {
    return events;
  }
}
