package dev.infradoc.render.markdown;

import static dev.infradoc.render.markdown.Markdown.text;

import dev.infradoc.model.Collection;
import dev.infradoc.model.Problem;
import dev.infradoc.model.Source;
import dev.infradoc.render.View;

/** Evidence and coverage: sources read, commands run and their results, what was left out and what could not be read. */
final class CoverageSection {
  private final View view;

  CoverageSection(View view) {
    this.view = view;
  }

  void render(StringBuilder md) {
    md.append("## Evidence and coverage\n\n");
    md.append(Markdown.header("Source", "Kind", "Location"));
    for (Source s : view.model().sources()) md.append(Markdown.row(text(s.id()), text(s.kind()), text(s.location())));
    md.append("\n");
    for (Collection c : view.model().collections()) {
      if (fromHost(c)) hostSteps(md, c);
      else fileSteps(md, c);
      md.append("\n");
    }
    md.append("### What could not be read\n\n");
    if (view.model().problems().isEmpty()) {
      md.append(view.model().sources().stream().anyMatch(CoverageSection::isHost) ? "Nothing: every probe section and requested file was read.\n\n" : "Nothing: every file was read.\n\n");
      return;
    }
    md.append(Markdown.header("Source", "What", "Why", "What to do"));
    for (Problem p : view.model().problems()) {
      md.append(Markdown.row(text(p.source()), text(p.what()), text(p.reason()), text(p.hint())));
    }
    md.append("\n");
  }

  private boolean fromHost(Collection c) {
    return view.model().sources().stream().anyMatch(s -> s.id().equals(c.source()) && isHost(s));
  }

  private static boolean isHost(Source s) {
    return s.kind().equals("host");
  }

  private static void hostSteps(StringBuilder md, Collection c) {
    long commands = c.steps().stream().filter(s -> !s.name().equals("excluded")).count();
    md.append("**").append(text(c.source())).append("**: ").append(commands)
        .append(" probe sections and reads, over one connection in at most two round trips.\n\n");
    md.append(Markdown.header("Step", "Command or file", "Exit code", "Lines"));
    for (Collection.Step s : c.steps()) {
      md.append(Markdown.row(text(s.name()), text(s.what()), s.name().equals("excluded") ? "" : String.valueOf(s.exitCode()),
          String.valueOf(s.lines())));
    }
  }

  /** A repository source: each step is a file read (exit code 0) or not (non-zero). */
  private static void fileSteps(StringBuilder md, Collection c) {
    long failed = c.steps().stream().filter(s -> s.exitCode() != 0).count();
    md.append("**").append(text(c.source())).append("**: ").append(c.steps().size()).append(c.steps().size() == 1 ? " file read" : " files read")
        .append(failed == 0 ? "" : ", " + failed + " with errors (listed below)").append(".\n\n");
    md.append(Markdown.header("File", "Read as", "Result", "Lines"));
    for (Collection.Step s : c.steps()) {
      md.append(Markdown.row(text(s.name()), text(s.what()), s.exitCode() == 0 ? "read" : "error", String.valueOf(s.lines())));
    }
  }
}
