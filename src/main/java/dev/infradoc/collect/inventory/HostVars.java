package dev.infradoc.collect.inventory;

import dev.infradoc.collect.Target;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the connection variables Ansible defines for a host ({@code ansible_host}, {@code
 * ansible_user}, {@code ansible_port}, {@code ansible_ssh_private_key_file}, their old
 * {@code ansible_ssh_*} names, {@code ansible_connection=local}) into a target. Values are used as
 * written: a Jinja template is not evaluated, it makes the host unusable with that reason.
 */
final class HostVars {
  private HostVars() {}

  static InventoryHost toHost(String name, Map<String, String> vars, List<String> groups, Path inventoryDir, String at) {
    String host = first(vars, "ansible_host", "ansible_ssh_host");
    String user = first(vars, "ansible_user", "ansible_ssh_user");
    String port = first(vars, "ansible_port", "ansible_ssh_port");
    String key = first(vars, "ansible_ssh_private_key_file", "ansible_private_key_file");
    String connection = first(vars, "ansible_connection");
    for (String v : List.of(host, user, port, key)) {
      if (v.contains("{{") || v.contains("{%")) {
        return unusable(name, groups, at, "'" + v + "' is a template; InfraDoc does not evaluate Jinja, "
            + "set a literal value or list the host by address");
      }
    }
    if (connection.equals("local")) {
      return new InventoryHost(name, Target.parse("local"), groups, Optional.empty(), at, "");
    }
    int portNumber = 0;
    if (!port.isEmpty()) {
      try {
        portNumber = Integer.parseInt(port);
        if (portNumber < 1 || portNumber > 65535) throw new NumberFormatException();
      } catch (NumberFormatException e) {
        return unusable(name, groups, at, "ansible_port '" + port + "' is not a number from 1 to 65535");
      }
    }
    String address = host.isEmpty() ? name : host;
    if (!address.matches("[A-Za-z0-9._:%-]+")) {
      return unusable(name, groups, at, "'" + address + "' is not a host name or address");
    }
    Target target = new Target(Target.Kind.SSH, name, user, address, portNumber, null);
    Optional<Path> identity = Optional.empty();
    if (!key.isEmpty()) {
      Path p = Path.of(key.startsWith("~/") ? System.getProperty("user.home") + key.substring(1) : key);
      identity = Optional.of(p.isAbsolute() ? p : inventoryDir.resolve(p));
    }
    return new InventoryHost(name, target, groups, identity, at, "");
  }

  private static InventoryHost unusable(String name, List<String> groups, String at, String why) {
    return new InventoryHost(name, new Target(Target.Kind.SSH, name, "", name, 0, null), groups, Optional.empty(), at, why);
  }

  private static String first(Map<String, String> vars, String... names) {
    for (String n : names) {
      String v = vars.get(n);
      if (v != null) return unquote(v.strip());
    }
    return "";
  }

  private static String unquote(String v) {
    if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
      return v.substring(1, v.length() - 1);
    }
    return v;
  }
}
