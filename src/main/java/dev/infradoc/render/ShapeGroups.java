package dev.infradoc.render;

import dev.infradoc.model.Component;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Components that differ only by a count or for_each index or by a numbered name, one group each:
 * module.svc00.aws_lb.e0 ... module.svc19.aws_lb.e11 (same kind, technology, type and source) are
 * one group named module.svc[00..19].aws_lb.e[0..11] with its member count. Every component is in
 * exactly one group (a component with no sibling is a group of one), so a diagram drawn from the
 * groups loses no component, only the one-box-each detail (which model.json and the tables keep).
 */
public final class ShapeGroups {
  /** An index in brackets ([0], ["assets"]) or a number that ends a word (svc00, e7, n3_public). */
  private static final Pattern VARIABLE = Pattern.compile("\\[([^\\]]*)]|(?<=[A-Za-z_-])(\\d+)");
  private static final int MAX_LISTED = 4;

  /** One group: its members in model order, and its name with each varying part written as the values it takes. */
  public record Group(String name, List<Component> members) {
    public Component first() {
      return members.get(0);
    }

    public int size() {
      return members.size();
    }

    /** The Terraform module the members are declared in ("module.svc[00..19]"), empty at a root module's top level. */
    public String module() {
      int i = name.lastIndexOf("module.");
      if (i < 0 || first().attribute("terraform.address").isEmpty()) return "";
      int depth = 0;
      for (int j = i + "module.".length(); j < name.length(); j++) {
        char ch = name.charAt(j);
        if (ch == '[') depth++;
        else if (ch == ']') depth--;
        else if (ch == '.' && depth == 0) return name.substring(0, j);
      }
      return "";
    }
  }

  private final List<Group> groups = new ArrayList<>();
  private final Map<String, Group> byComponent = new HashMap<>();

  private ShapeGroups(List<Component> components) {
    Map<String, List<Component>> byShape = new LinkedHashMap<>();
    for (Component c : components) {
      String key = shape(c.name()) + "\u0000" + c.kind() + "\u0000" + c.technology() + "\u0000" + c.attribute("terraform.type")
          + "\u0000" + c.source() + "\u0000" + c.host();
      byShape.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
    }
    for (List<Component> members : byShape.values()) {
      Group g = new Group(members.size() == 1 ? members.get(0).name() : name(members), List.copyOf(members));
      groups.add(g);
      members.forEach(c -> byComponent.put(c.id(), g));
    }
  }

  public static ShapeGroups of(List<Component> components) {
    return new ShapeGroups(components);
  }

  /** The groups, in the model order of their first member. */
  public List<Group> groups() {
    return groups;
  }

  /** The group of a component, or null when it is not one of those grouped. */
  public Group of(String componentId) {
    return byComponent.get(componentId);
  }

  /** The name with every varying part replaced: module.svc#.aws_subnet.n#_public[*]. */
  public static String shape(String name) {
    // By hand, not with VARIABLE: asked for every component of every grouped table and diagram.
    StringBuilder sb = new StringBuilder(name.length());
    int n = name.length();
    for (int i = 0; i < n; ) {
      char ch = name.charAt(i);
      if (ch == '[') {
        int close = name.indexOf(']', i + 1);
        if (close > 0) {
          sb.append("[*]");
          i = close + 1;
          continue;
        }
      } else if (ch >= '0' && ch <= '9' && i > 0 && isWordEnd(name.charAt(i - 1))) {
        while (i < n && name.charAt(i) >= '0' && name.charAt(i) <= '9') i++;
        sb.append('#');
        continue;
      }
      sb.append(ch);
      i++;
    }
    return sb.toString();
  }

  /** A letter, _ or - before a number makes it a numbered name (the lookbehind of VARIABLE). */
  private static boolean isWordEnd(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == '-';
  }

  /** The shared name, each varying part as the values it takes: aws_subnet.n[0..3]_public[0..1]. */
  public static String name(List<Component> members) {
    List<List<String>> values = new ArrayList<>();
    for (Component c : members) {
      Matcher m = VARIABLE.matcher(c.name());
      for (int i = 0; m.find(); i++) {
        if (values.size() <= i) values.add(new ArrayList<>());
        values.get(i).add(m.group(1) != null ? m.group(1) : m.group(2));
      }
    }
    Matcher m = VARIABLE.matcher(members.get(0).name());
    StringBuilder sb = new StringBuilder();
    for (int i = 0; m.find(); i++) {
      String range = range(new LinkedHashSet<>(values.get(i)));
      boolean bracket = m.group(1) != null;
      String part = bracket ? "[" + range + "]" : range.contains(",") || range.contains("..") ? "[" + range + "]" : range;
      m.appendReplacement(sb, Matcher.quoteReplacement(part));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /** 0..11 for consecutive numbers (zero padding kept: 00..19), else the values listed (the first few, then ...). */
  public static String range(Set<String> values) {
    List<String> all = new ArrayList<>(values);
    if (all.size() == 1) return all.get(0);
    if (all.stream().allMatch(v -> v.matches("\\d{1,9}"))) {
      all.sort((a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b)));
      int first = Integer.parseInt(all.get(0));
      int last = Integer.parseInt(all.get(all.size() - 1));
      if (last - first == all.size() - 1) return all.get(0) + ".." + all.get(all.size() - 1);
    } else {
      all.sort(null);
    }
    String listed = all.stream().limit(MAX_LISTED).collect(Collectors.joining(","));
    return all.size() > MAX_LISTED ? listed + ",...+" + (all.size() - MAX_LISTED) : listed;
  }
}
