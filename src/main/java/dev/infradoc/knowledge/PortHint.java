package dev.infradoc.knowledge;

/** What usually listens on a well-known port, from ports.yaml; used only to name external endpoints. */
public record PortHint(int port, String technology, String kind, String protocol) {}
