package dev.infradoc.cli;

import dev.infradoc.pipeline.Version;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code infradoc} command: subcommands scan, diff and history. */
@Command(
    name = "infradoc",
    mixinStandardHelpOptions = true,
    versionProvider = Main.VersionProvider.class,
    description = "Finds out what an infrastructure really is and writes its architecture documentation.",
    subcommands = {ScanCommand.class, DiffCommand.class, HistoryCommand.class, CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:ok (diff: no drift)", "1:documents written, but some targets failed (diff: drift found)", "2:usage error",
      "3:nothing collected or nothing written (diff: fewer than two scans to compare)", "4:internal error"})
public final class Main implements Runnable {

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with injected writers and returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? ExitCode.USAGE : ExitCode.INTERNAL);
    cli.setExecutionExceptionHandler((e, line, parsed) -> {
      boolean trace = parsed.subcommand() != null && parsed.subcommand().hasMatchedOption("--stacktrace");
      err.println("infradoc: internal error: " + e + (trace ? "" : " (re-run with --stacktrace for details)"));
      if (trace) e.printStackTrace(err);
      return ExitCode.INTERNAL;
    });
    cli.setParameterExceptionHandler((e, a) -> {
      err.println("infradoc: " + e.getMessage());
      err.println("Run 'infradoc " + (e.getCommandLine().getCommandName().equals("infradoc") ? "" : e.getCommandLine().getCommandName() + " ") + "--help' for usage.");
      return ExitCode.USAGE;
    });
    return cli.execute(args);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(new CommandLine(this), "a command is required: scan, diff or history");
  }

  /** Reads the version from the jar. */
  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"infradoc " + Version.current()};
    }
  }
}
