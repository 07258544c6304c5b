package dev.infradoc.cli;

import picocli.CommandLine.Option;

/** --verbose, --quiet and --stacktrace, shared by every command. */
final class OutputOptions {
  @Option(names = {"-v", "--verbose"}, description = "Print each phase's timing and more detail on stderr.")
  boolean verbose;

  @Option(names = {"-q", "--quiet"}, description = "Print only errors.")
  boolean quiet;

  @Option(names = "--stacktrace", description = "Print stack traces of internal errors.")
  boolean stacktrace;
}
