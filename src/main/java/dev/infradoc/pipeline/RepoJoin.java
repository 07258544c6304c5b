package dev.infradoc.pipeline;

import dev.infradoc.model.Component;
import dev.infradoc.model.Dependency;
import dev.infradoc.model.Evidence;
import dev.infradoc.model.Fragment;
import dev.infradoc.model.Joins;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Joins what different collectors read from one repository. A file that a component uses (a
 * compose service's bind mount, the Dockerfile its image is built from) and that another collector
 * read as a component of its own (config:nginx/nginx.conf) becomes facts of the component that uses
 * it: its attributes, its evidence (file:line kept) and its edges move over, and the file is no
 * longer a component of its own. Names the file's collector could not resolve ({@code proxy_pass
 * http://api:8000}) are then looked up among the names the user's scope knows (the compose
 * project's services); what stays unresolved stays written in {@code targets_not_read}.
 *
 * <p>Who uses a file: the use naming the file itself wins over a folder mount holding it; a folder
 * mount only counts for a component of the file's technology (a source tree mounted into an app is
 * not its nginx). Several components using the file equally each get its facts.
 */
public final class RepoJoin {
  /** Attribute listing the files joined into a component, each with how it is used. */
  public static final String CONFIG_FILES = "config_files";
  static final String NOT_READ = "targets_not_read";
  /** Prefix of the attributes a component gets from the Dockerfile its image is built from. */
  public static final String IMAGE = "image.";

  private RepoJoin() {}

  /** Joins the fragments of one target in place (they are that target's, collected by different collectors). */
  public static void join(List<Fragment> fragments) {
    Map<String, Component> byId = new LinkedHashMap<>();
    fragments.forEach(f -> f.components.forEach(c -> byId.putIfAbsent(c.id(), c)));
    Map<String, List<Joins.Use>> owners = owners(fragments, byId);
    if (owners.isEmpty()) return;
    Map<String, String> pathOf = new TreeMap<>();
    fragments.forEach(f -> f.joins.files.forEach(file -> pathOf.put(file.component(), file.path())));
    Map<String, List<String>> folded = new TreeMap<>();
    owners.forEach((file, uses) -> folded.put(file, uses.stream().map(Joins.Use::component).distinct().toList()));

    // The owners' new dependencies: the joined files' own, and their references resolved in the owner's scope.
    List<Dependency> added = new ArrayList<>();
    Map<String, TreeSet<String>> resolved = new TreeMap<>();
    // Edges the file's collector matched by port alone, now found by the name written: the name wins.
    Set<String> superseded = new TreeSet<>();
    List<Joins.Name> names = fragments.stream().flatMap(f -> f.joins.names.stream()).toList();
    for (Fragment f : fragments) {
      for (Joins.Reference ref : f.joins.references) {
        for (String owner : folded.getOrDefault(ref.from(), List.of())) {
          String to = resolve(names, owner, ref.host());
          if (to == null) continue;
          if (!to.equals(owner)) added.add(new Dependency(owner, to, ref.protocol(), ref.port(), Dependency.CONFIGURED, ref.evidence()));
          superseded.add(guess(owner, ref.from(), ref.port(), ref.evidence()));
          resolved.computeIfAbsent(ref.from() + "\n" + owner, k -> new TreeSet<>()).add(ref.written());
        }
      }
    }
    for (Fragment f : fragments) {
      List<Dependency> rewritten = new ArrayList<>();
      for (Dependency d : f.dependencies) {
        for (String from : folded.getOrDefault(d.from(), List.of(d.from()))) {
          if (d.kind().equals(Dependency.CONFIGURED) && superseded.contains(guess(from, d.from(), d.port(), d.evidence()))) continue;
          for (String to : folded.getOrDefault(d.to(), List.of(d.to()))) {
            if (!from.equals(to)) rewritten.add(new Dependency(from, to, d.protocol(), d.port(), d.kind(), d.evidence()));
          }
        }
      }
      f.dependencies.clear();
      f.dependencies.addAll(rewritten);
      f.components.removeIf(c -> folded.containsKey(c.id()));
      f.components.replaceAll(c -> withFiles(c, owners, byId, pathOf, resolved));
    }
    fragments.get(0).dependencies.addAll(added);
  }

  /** Identifies the edge a file's collector matched by port, as its owner inherits it. */
  private static String guess(String owner, String file, int port, List<Evidence> evidence) {
    return owner + "|" + file + "|" + port + "|" + new TreeSet<>(evidence);
  }

  /** Joined file component id -> the uses that claim it (only the most specific ones). */
  static Map<String, List<Joins.Use>> owners(List<Fragment> fragments, Map<String, Component> byId) {
    List<Joins.Use> uses = fragments.stream().flatMap(f -> f.joins.uses.stream()).toList();
    Map<String, List<Joins.Use>> owners = new TreeMap<>();
    for (Fragment f : fragments) {
      for (Joins.File file : f.joins.files) {
        if (!byId.containsKey(file.component())) continue;
        List<Joins.Use> best = new ArrayList<>();
        int bestLength = -1;
        for (Joins.Use u : uses) {
          Component user = byId.get(u.component());
          if (user == null || u.component().equals(file.component()) || !claims(u, file, user)) continue;
          if (u.path().length() > bestLength) {
            best.clear();
            bestLength = u.path().length();
          }
          if (u.path().length() == bestLength) best.add(u);
        }
        if (!best.isEmpty()) owners.put(file.component(), best);
      }
    }
    return owners;
  }

  private static boolean claims(Joins.Use u, Joins.File file, Component user) {
    if (u.path().equals(file.path())) return true;
    boolean inside = u.path().isEmpty() || file.path().startsWith(u.path() + "/");
    return inside && u.how().equals(Joins.Use.MOUNT) && !file.technology().isEmpty()
        && file.technology().equalsIgnoreCase(user.technology());
  }

  /** The component a host name leads to in the scopes {@code owner} is named in, or null. */
  private static String resolve(List<Joins.Name> names, String owner, String host) {
    Set<String> scopes = new TreeSet<>();
    names.stream().filter(n -> n.component().equals(owner)).forEach(n -> scopes.add(n.scope()));
    Set<String> found = new TreeSet<>();
    names.stream().filter(n -> scopes.contains(n.scope()) && n.name().equals(host)).forEach(n -> found.add(n.component()));
    return found.size() == 1 ? found.iterator().next() : null;
  }

  /** {@code c} with the facts of the files it uses; unchanged when it uses none that were read. */
  private static Component withFiles(Component c, Map<String, List<Joins.Use>> owners, Map<String, Component> byId,
      Map<String, String> pathOf, Map<String, TreeSet<String>> resolved) {
    Map<String, String> attributes = new TreeMap<>(c.attributes());
    TreeSet<Evidence> evidence = new TreeSet<>(c.evidence());
    TreeSet<String> files = new TreeSet<>();
    TreeSet<String> notRead = new TreeSet<>(List.of(c.attribute(NOT_READ).split(", ")));
    notRead.remove("");
    for (Map.Entry<String, List<Joins.Use>> e : owners.entrySet()) {
      List<Joins.Use> mine = e.getValue().stream().filter(u -> u.component().equals(c.id())).toList();
      if (mine.isEmpty()) continue;
      Component file = byId.get(e.getKey());
      String path = pathOf.get(file.id());
      mine.forEach(u -> {
        files.add(path + " (" + u.how() + ")");
        evidence.add(u.evidence());
      });
      evidence.addAll(file.evidence());
      // A Dockerfile states the image's defaults (its CMD, USER), which the service may override.
      String prefix = mine.stream().allMatch(u -> u.how().equals(Joins.Use.BUILD)) ? IMAGE : "";
      for (Map.Entry<String, String> a : file.attributes().entrySet()) {
        if (a.getKey().equals(NOT_READ)) continue;
        String key = prefix + a.getKey();
        String prior = attributes.putIfAbsent(key, a.getValue());
        // The component's own value stays; the file's differing one is kept under the file's name.
        if (prior != null && !prior.equals(a.getValue())) attributes.put(key + " (" + path + ")", a.getValue());
      }
      Set<String> done = resolved.getOrDefault(file.id() + "\n" + c.id(), new TreeSet<>());
      for (String t : file.attribute(NOT_READ).split(", ")) {
        if (!t.isEmpty() && !done.contains(t)) notRead.add(t);
      }
    }
    if (files.isEmpty()) return c;
    attributes.put(CONFIG_FILES, String.join(", ", files));
    if (notRead.isEmpty()) attributes.remove(NOT_READ);
    else attributes.put(NOT_READ, String.join(", ", notRead));
    return new Component(c.id(), c.name(), c.kind(), c.technology(), c.version(), c.host(), c.source(), c.instances(),
        c.runsAs(), c.managedBy(), c.listens(), attributes, List.copyOf(evidence));
  }
}
