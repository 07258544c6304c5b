package dev.infradoc.collect.inventory;

import dev.infradoc.collect.Target;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The concrete {@code Host} aliases of an ssh_config file (patterns with {@code * ? !} are
 * settings for other hosts, not hosts). Each alias is scanned as typed, so the connector resolves
 * its HostName, User, Port, IdentityFile and ProxyJump from the same file. Include is not followed.
 */
public final class SshConfigHosts {
  private SshConfigHosts() {}

  public static List<InventoryHost> read(Path config) throws InventoryException {
    List<String> lines;
    try {
      lines = Files.readAllLines(config, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InventoryException(config + ": cannot read the ssh config (" + e.getMessage() + ")", e);
    }
    TreeSet<String> aliases = new TreeSet<>();
    for (String raw : lines) {
      String line = raw.strip();
      if (!line.regionMatches(true, 0, "Host", 0, 4) || line.length() < 5) continue;
      String rest = line.substring(4);
      if (!Character.isWhitespace(rest.charAt(0)) && rest.charAt(0) != '=') continue;
      for (String w : rest.replaceFirst("^\\s*=?", "").strip().split("\\s+")) {
        if (!w.isEmpty() && !w.matches(".*[*?!].*") && w.matches("[A-Za-z0-9._-]+")) aliases.add(w);
      }
    }
    List<InventoryHost> out = new ArrayList<>();
    for (String a : aliases) {
      out.add(new InventoryHost(a, new Target(Target.Kind.SSH, a, "", a, 0, null), List.of(), Optional.empty(), config.getFileName().toString(), ""));
    }
    return out;
  }
}
