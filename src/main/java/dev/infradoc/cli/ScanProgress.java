package dev.infradoc.cli;

import dev.infradoc.pipeline.Pipeline;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Progress of a multi-target scan on stderr. Not a terminal (CI, a log file): one line per target as
 * it finishes, saying ok or why it failed. A terminal: failures as lines, plus a single bar redrawn
 * in place. Quiet: failures only. Single-target scans print nothing here (the summary says it all).
 */
final class ScanProgress implements Pipeline.Progress {
  private static final int BAR = 24;
  private final PrintWriter err;
  private final boolean terminal;
  private final boolean quiet;
  private final Set<String> running = new TreeSet<>();
  private int failed;
  private boolean barShown;

  ScanProgress(PrintWriter err, boolean terminal, boolean quiet) {
    this.err = err;
    this.terminal = terminal;
    this.quiet = quiet;
  }

  /** True when stderr is most likely a terminal: a console is attached and TERM is not dumb. */
  static boolean stderrIsTerminal() {
    String term = System.getenv("TERM");
    return System.console() != null && term != null && !term.isEmpty() && !term.equals("dumb");
  }

  @Override
  public synchronized void started(Pipeline.Job job, int index, int total) {
    running.add(job.name());
    if (terminal && !quiet) bar(0, total);
  }

  @Override
  public synchronized void finished(Pipeline.Outcome o, int done, int total) {
    running.remove(o.job().name());
    if (!o.ok()) failed++;
    String seconds = String.format(Locale.ROOT, "%.1f s", o.millis() / 1000.0);
    String line = o.ok()
        ? "infradoc: [" + done + "/" + total + "] " + o.job().name() + ": ok, " + o.components() + " components, " + seconds
        : "infradoc: [" + done + "/" + total + "] " + o.job().name() + ": FAILED after " + seconds + ": " + o.failure();
    if (terminal) {
      if (!o.ok()) {
        clearBar();
        err.println(line);
      }
      if (!quiet) bar(done, total);
      if (done == total) clearBar();
    } else if (!o.ok() || !quiet) {
      err.println(line);
    }
    err.flush();
  }

  private void bar(int done, int total) {
    int filled = total == 0 ? BAR : done * BAR / total;
    String now = running.isEmpty() ? "" : " scanning " + String.join(", ", running.stream().limit(3).toList())
        + (running.size() > 3 ? " +" + (running.size() - 3) : "");
    String text = "\r[" + "#".repeat(filled) + ".".repeat(BAR - filled) + "] " + done + "/" + total
        + (failed > 0 ? ", " + failed + " failed" : "") + now;
    err.print(text.length() > 120 ? text.substring(0, 120) : text + "\u001b[K");
    err.flush();
    barShown = true;
  }

  private void clearBar() {
    if (barShown) err.print("\r\u001b[K");
    barShown = false;
  }
}
