package dev.infradoc.collect.host;

/** One variable of a process environment, already redacted, with where it was read. */
record EnvVar(int pid, String name, String value, String locator) {}
