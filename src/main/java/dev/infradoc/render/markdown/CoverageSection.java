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
      long commands = c.steps().stream().filter(s -> !s.name().equals("excluded")).count();
      md.append("**").append(text(c.source())).append("**: ").append(commands)
          .append(" probe sections and reads, over one connection in at most two round trips.\n\n");
      md.append(Markdown.header("Step", "Command or file", "Exit code", "Lines"));
      for (Collection.Step s : c.steps()) {
        md.append(Markdown.row(text(s.name()), text(s.what()), s.name().equals("excluded") ? "" : String.valueOf(s.exitCode()),
            String.valueOf(s.lines())));
      }
      md.append("\n");
    }
    md.append("### What could not be read\n\n");
    if (view.model().problems().isEmpty()) {
      md.append("Nothing: every probe section and requested file was read.\n\n");
      return;
    }
    md.append(Markdown.header("Source", "What", "Why", "What to do"));
    for (Problem p : view.model().problems()) {
      md.append(Markdown.row(text(p.source()), text(p.what()), text(p.reason()), text(p.hint())));
    }
    md.append("\n");
  }
}
