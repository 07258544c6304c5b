package dev.infradoc.collect.inventory;

import dev.infradoc.collect.Target;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A plain list of targets, one a line, as on the command line ({@code ssh://user@host:port},
 * {@code user@host}, an ssh_config alias), optionally followed by the groups it belongs to:
 * {@code web01.example.com web production}. Blank lines and {@code #} comments are skipped.
 */
public final class TargetsFile {
  private TargetsFile() {}

  public static List<InventoryHost> read(Path file) throws InventoryException {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InventoryException(file + ": cannot read the target list (" + e.getMessage() + ")", e);
    }
    List<InventoryHost> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).replaceFirst("#.*$", "").strip();
      if (line.isEmpty()) continue;
      String at = file.getFileName() + ":" + (i + 1);
      String[] words = line.split("\\s+");
      Target target;
      try {
        target = Target.parse(words[0]);
      } catch (IllegalArgumentException e) {
        throw new InventoryException(at + ": target " + e.getMessage());
      }
      if (target.kind() == Target.Kind.PATH) {
        throw new InventoryException(at + ": '" + words[0] + "' is a path; a target list names hosts");
      }
      out.add(new InventoryHost(words[0], target, List.of(words).subList(1, words.length), Optional.empty(), at, ""));
    }
    return out;
  }
}
