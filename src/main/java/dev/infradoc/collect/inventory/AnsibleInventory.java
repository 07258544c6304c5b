package dev.infradoc.collect.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an Ansible inventory file, INI or YAML (chosen by extension, else by content), into the
 * hosts it names with their groups and connection variables. Dynamic inventories (scripts,
 * plugins) are not run: text from outside is never executed.
 */
public final class AnsibleInventory {
  private static final Pattern SECTION = Pattern.compile("^\\[([^\\]:]+)(?::(vars|children))?\\]\\s*$");
  private static final Pattern RANGE = Pattern.compile("\\[([0-9]+|[a-z]):([0-9]+|[a-z])(?::([0-9]+))?\\]");
  private static final int MAX_EXPANSION = 10_000;

  private AnsibleInventory() {}

  public static List<InventoryHost> read(Path file) throws InventoryException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InventoryException(file + ": cannot read the inventory (" + e.getMessage() + ")", e);
    }
    String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    boolean yaml = name.endsWith(".yml") || name.endsWith(".yaml")
        || (!name.endsWith(".ini") && text.lines().map(String::strip)
            .filter(l -> !l.isEmpty() && !l.startsWith("#")).findFirst()
            .map(l -> l.equals("---") || l.matches("^[A-Za-z0-9_-]+:\\s*$")).orElse(false));
    Path dir = file.toAbsolutePath().getParent();
    return yaml ? yaml(file, text, dir) : ini(file, text, dir);
  }

  static List<InventoryHost> ini(Path file, String text, Path dir) throws InventoryException {
    GroupTree tree = new GroupTree();
    String group = GroupTree.UNGROUPED;
    String mode = "hosts";
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      String at = file.getFileName() + ":" + (i + 1);
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) continue;
      Matcher s = SECTION.matcher(line);
      if (s.matches()) {
        group = s.group(1).strip();
        mode = s.group(2) == null ? "hosts" : s.group(2);
        tree.group(group);
        continue;
      }
      List<String> words = Words.split(line, at);
      switch (mode) {
        case "vars" -> {
          int eq = line.indexOf('=');
          if (eq <= 0) throw new InventoryException(at + ": expected KEY=VALUE in [" + group + ":vars]");
          tree.groupVar(group, line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
        case "children" -> tree.child(group, words.get(0));
        default -> {
          Map<String, String> vars = new LinkedHashMap<>();
          for (String w : words.subList(1, words.size())) {
            int eq = w.indexOf('=');
            if (eq <= 0) throw new InventoryException(at + ": expected KEY=VALUE after the host name, found '" + w + "'");
            vars.put(w.substring(0, eq), w.substring(eq + 1));
          }
          for (String h : expand(words.get(0), at)) tree.host(group, h, vars, at);
        }
      }
    }
    return tree.hosts(dir);
  }

  static List<InventoryHost> yaml(Path file, String text, Path dir) throws InventoryException {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(text);
    } catch (IOException e) {
      throw new InventoryException(file + ": not valid YAML (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
    }
    GroupTree tree = new GroupTree();
    if (root == null || root.isMissingNode() || root.isNull()) return tree.hosts(dir);
    if (!root.isObject()) throw new InventoryException(file + ": expected a mapping of groups at the top level");
    Iterator<Map.Entry<String, JsonNode>> groups = root.fields();
    while (groups.hasNext()) {
      Map.Entry<String, JsonNode> g = groups.next();
      yamlGroup(file, tree, g.getKey(), g.getValue());
    }
    return tree.hosts(dir);
  }

  private static void yamlGroup(Path file, GroupTree tree, String group, JsonNode node) throws InventoryException {
    tree.group(group);
    if (node == null || node.isNull()) return;
    if (!node.isObject()) throw new InventoryException(file + ": group '" + group + "' must be a mapping");
    JsonNode hosts = node.path("hosts");
    if (hosts.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> it = hosts.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> h = it.next();
        String at = file.getFileName() + ": hosts of " + group;
        for (String name : expand(h.getKey(), at)) tree.host(group, name, scalars(h.getValue()), at);
      }
    }
    scalars(node.path("vars")).forEach((k, v) -> tree.groupVar(group, k, v));
    JsonNode children = node.path("children");
    if (children.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> it = children.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> c = it.next();
        tree.child(group, c.getKey());
        yamlGroup(file, tree, c.getKey(), c.getValue());
      }
    }
  }

  private static Map<String, String> scalars(JsonNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    if (node == null || !node.isObject()) return out;
    node.fields().forEachRemaining(e -> {
      if (e.getValue().isValueNode()) out.put(e.getKey(), e.getValue().asText());
    });
    return out;
  }

  /** Ansible host patterns: {@code web[01:12]} (zero padding kept), {@code db-[a:c]}, with a step. */
  static List<String> expand(String pattern, String at) throws InventoryException {
    Matcher m = RANGE.matcher(pattern);
    if (!m.find()) return List.of(pattern);
    String head = pattern.substring(0, m.start());
    List<String> tails = expand(pattern.substring(m.end()), at);
    String from = m.group(1);
    String to = m.group(2);
    int step = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
    List<String> out = new java.util.ArrayList<>();
    boolean numeric = Character.isDigit(from.charAt(0));
    if (numeric != Character.isDigit(to.charAt(0)) || step < 1) {
      throw new InventoryException(at + ": range [" + from + ":" + to + "] mixes letters and numbers");
    }
    int a = numeric ? Integer.parseInt(from) : from.charAt(0);
    int b = numeric ? Integer.parseInt(to) : to.charAt(0);
    if (b < a || (long) (b - a) / step * tails.size() > MAX_EXPANSION) {
      throw new InventoryException(at + ": range [" + from + ":" + to + "] is empty or larger than " + MAX_EXPANSION + " hosts");
    }
    for (int i = a; i <= b; i += step) {
      String v = numeric ? String.format("%0" + from.length() + "d", i) : String.valueOf((char) i);
      for (String t : tails) out.add(head + v + t);
    }
    return out;
  }
}
