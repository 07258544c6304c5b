package dev.infradoc.render.markdown;

import static dev.infradoc.render.markdown.Markdown.text;

import dev.infradoc.model.Component;
import dev.infradoc.render.View;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Technology stack: languages, runtimes and servers, frameworks and client libraries, with where each was seen. */
final class StackSection {
  private final View view;

  StackSection(View view) {
    this.view = view;
  }

  void render(StringBuilder md) {
    md.append("## Technology stack\n\n");
    Map<String, TreeSet<String>> technologies = new TreeMap<>();
    Map<String, String> versions = new TreeMap<>();
    java.util.Set<String> onHosts = new java.util.TreeSet<>(); // seen running, so a missing version was not observed
    Map<String, TreeSet<String>> languages = new TreeMap<>();
    Map<String, TreeSet<String>> libraries = new TreeMap<>();
    for (Component c : view.model().components()) {
      if (!c.technology().isEmpty() && !c.kind().id().equals("external")) {
        technologies.computeIfAbsent(c.technology() + " (" + c.kind().id() + ")", k -> new TreeSet<>()).add(c.name());
        if (!c.version().isEmpty()) versions.put(c.technology() + " (" + c.kind().id() + ")", c.version());
        if (!c.host().isEmpty()) onHosts.add(c.technology() + " (" + c.kind().id() + ")");
      }
      if (!c.attribute("language").isEmpty() && c.kind().role().equals("application")) {
        languages.computeIfAbsent(c.attribute("language"), k -> new TreeSet<>()).add(c.name());
      }
      for (String key : new String[] {"frameworks", "clientLibraries"}) {
        for (String lib : c.attribute(key).split(", ")) {
          if (!lib.isEmpty()) libraries.computeIfAbsent(lib, k -> new TreeSet<>()).add(c.name());
        }
      }
    }
    if (technologies.isEmpty()) {
      md.append("No technologies were identified.\n\n");
      return;
    }
    md.append(Markdown.header("Technology", "Version", "Used by"));
    technologies.forEach((t, users) -> md.append(Markdown.row(text(t), text(versions.getOrDefault(t, onHosts.contains(t) ? "not observed" : "not stated")),
        text(String.join(", ", users)))));
    md.append("\n**Application languages:** ").append(languages.isEmpty() ? "none identified"
        : text(languages.entrySet().stream().map(e -> e.getKey() + " (" + String.join(", ", e.getValue()) + ")")
            .reduce((a, b) -> a + "; " + b).orElse(""))).append("\n\n");
    md.append("**Frameworks and client libraries** (from application manifests): ");
    if (libraries.isEmpty()) {
      md.append("none read (no manifest was found beside an application, or it names none InfraDoc knows).\n\n");
    } else {
      md.append("\n\n").append(Markdown.header("Library", "Declared by"));
      libraries.forEach((l, users) -> md.append(Markdown.row(text(l), text(String.join(", ", users)))));
      md.append("\n");
    }
  }
}
