package dev.infradoc.collect.host;

/** What a shell run gave back: both streams decoded as UTF-8 (bad bytes replaced), the exit status, and whether output was cut. */
public record ShellResult(String stdout, String stderr, int exitCode, boolean truncated) {}
