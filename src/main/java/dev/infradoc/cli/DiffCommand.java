package dev.infradoc.cli;

import dev.infradoc.model.Component;
import dev.infradoc.model.Dependency;
import dev.infradoc.model.Model;
import dev.infradoc.render.json.ModelJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code infradoc diff OLD NEW}: components and dependencies added, removed or changed between two model.json files. */
@Command(name = "diff", mixinStandardHelpOptions = true,
    description = {"Compares two model.json files and prints what was added, removed and changed.",
        "Exit code 0 when nothing differs, 1 when something does."})
final class DiffCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin OutputOptions output;

  @Parameters(index = "0", paramLabel = "OLD") Path oldFile;
  @Parameters(index = "1", paramLabel = "NEW") Path newFile;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Model a;
    Model b;
    try {
      a = ModelJson.read(Files.readString(oldFile));
      b = ModelJson.read(Files.readString(newFile));
    } catch (IOException | IllegalArgumentException e) {
      err.println("infradoc: " + e.getMessage() + "; give two model.json files written by 'infradoc scan'");
      return ExitCode.USAGE;
    }
    Map<String, Component> before = a.componentsById();
    Map<String, Component> after = b.componentsById();
    int changes = 0;
    for (String id : new TreeSet<>(before.keySet())) {
      if (!after.containsKey(id)) {
        out.println("- component " + id);
        changes++;
      }
    }
    for (String id : new TreeSet<>(after.keySet())) {
      Component n = after.get(id);
      Component o = before.get(id);
      if (o == null) {
        out.println("+ component " + id);
        changes++;
      } else if (!o.version().equals(n.version()) || o.instances() != n.instances()
          || !o.listens().equals(n.listens()) || !o.attribute("workers").equals(n.attribute("workers"))) {
        out.println("~ component " + id + ": version " + o.version() + " -> " + n.version() + ", instances "
            + o.instances() + " -> " + n.instances() + ", workers " + o.attribute("workers") + " -> "
            + n.attribute("workers") + ", listens " + o.listens().size() + " -> " + n.listens().size());
        changes++;
      }
    }
    Set<String> oldEdges = a.dependencies().stream().map(Dependency::key).collect(Collectors.toCollection(TreeSet::new));
    Set<String> newEdges = b.dependencies().stream().map(Dependency::key).collect(Collectors.toCollection(TreeSet::new));
    for (String e : oldEdges) if (!newEdges.contains(e)) { out.println("- dependency " + e); changes++; }
    for (String e : newEdges) if (!oldEdges.contains(e)) { out.println("+ dependency " + e); changes++; }
    if (changes == 0 && !output.quiet) out.println("no differences");
    return changes == 0 ? ExitCode.OK : ExitCode.PARTIAL;
  }
}
