package dev.infradoc.model;

/** A place evidence was read from: a host or a file tree. {@code kind} is host, terraform, compose, kubernetes, github-actions or config. */
public record Source(String id, String kind, String location) {}
