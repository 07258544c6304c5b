package dev.infradoc.collect.config;

import dev.infradoc.collect.CollectContext;
import dev.infradoc.collect.CollectionException;
import dev.infradoc.collect.Collector;
import dev.infradoc.collect.Target;
import dev.infradoc.collect.repo.RepoSource;
import dev.infradoc.collect.repo.RepoTree;
import dev.infradoc.model.Collection;
import dev.infradoc.model.Component;
import dev.infradoc.model.Dependency;
import dev.infradoc.model.Fragment;
import dev.infradoc.model.Joins;
import dev.infradoc.model.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads the service configuration kept in a repository: nginx configs, systemd unit files,
 * Prometheus configs with their rule files, and Dockerfiles. Ids are {@code config:<file>};
 * addresses they name become configured edges (see {@link Endpoints}).
 */
public final class ConfigFilesCollector implements Collector {
  private static final Pattern NGINX = Pattern.compile("(.*/)?(nginx\\.conf|nginx/.+\\.conf|(sites-(enabled|available)|conf\\.d)/[^/]+(\\.conf)?)");
  private static final Pattern UNIT = Pattern.compile("(.*/)?[A-Za-z0-9@_.-]+\\.service");
  private static final Pattern PROMETHEUS = Pattern.compile("(.*/)?prometheus\\.ya?ml");
  private static final Pattern RULES = Pattern.compile("(.*/)?[^/]*(rules?|alerts?)[^/]*\\.ya?ml");
  private static final Pattern DOCKERFILE = Pattern.compile("(.*/)?(Dockerfile|Containerfile)(\\.[A-Za-z0-9_.-]+)?|(.*/)?[^/]+\\.[Dd]ockerfile");

  @Override
  public boolean supports(Target target) {
    return target.kind() == Target.Kind.PATH && target.path() != null && Files.exists(target.path())
        && RepoTree.any(target, ConfigFilesCollector::isConfig);
  }

  static boolean isConfig(String rel) {
    String lower = rel.toLowerCase(Locale.ROOT);
    return NGINX.matcher(lower).matches() || UNIT.matcher(rel).matches() || PROMETHEUS.matcher(lower).matches()
        || DOCKERFILE.matcher(rel).matches();
  }

  @Override
  public Fragment collect(Target target, CollectContext context) throws CollectionException {
    RepoSource repo = RepoSource.open(target, "config", "a config file", context);
    String sourceId = repo.id();
    Fragment out = repo.fragment();
    RepoTree tree = RepoTree.walk(target, rel -> isConfig(rel) || RULES.matcher(rel.toLowerCase(Locale.ROOT)).matches());
    List<String> ruleFiles = tree.files().stream().filter(f -> RULES.matcher(f.toLowerCase(Locale.ROOT)).matches()).toList();
    Endpoints endpoints = new Endpoints(context.knowledge(), out);
    List<Pending> edges = new ArrayList<>();
    List<Collection.Step> steps = new ArrayList<>();
    Map<String, ConfigText> units = new TreeMap<>();
    for (String rel : tree.files()) {
      if (!isConfig(rel)) continue;
      ConfigText text;
      try {
        text = ConfigText.read(tree.root(), rel, sourceId, context.redactor());
      } catch (IOException | RuntimeException e) {
        out.add(new Problem(sourceId, rel, "could not be read: " + e.getMessage(), "check the file permissions"));
        steps.add(new Collection.Step(rel, "config file", 1, 0));
        continue;
      }
      String lower = rel.toLowerCase(Locale.ROOT);
      Component c;
      String what;
      if (DOCKERFILE.matcher(rel).matches()) {
        c = Dockerfile.read(text, endpoints);
        what = "Dockerfile";
      } else if (PROMETHEUS.matcher(lower).matches()) {
        c = PrometheusConfig.read(tree.root(), rel, sourceId, text, ruleFiles, edges, out::add);
        what = "Prometheus config";
      } else if (UNIT.matcher(rel).matches()) {
        c = SystemdUnit.read(text, context.knowledge(), endpoints, edges);
        units.put(c.name(), text);
        what = "systemd unit";
      } else {
        c = NginxFile.read(text, endpoints, edges);
        what = "nginx config";
      }
      steps.add(new Collection.Step(rel, what, c == null ? 1 : 0, text.lines.size()));
      if (c != null) {
        out.add(c);
        out.joins.files.add(new Joins.File(c.id(), rel, c.technology()));
      }
    }
    for (Map.Entry<String, ConfigText> unit : units.entrySet()) {
      String from = "config:" + unit.getValue().path;
      SystemdUnit.needs(unit.getValue()).forEach((needed, at) -> {
        ConfigText other = units.get(needed);
        if (other != null) out.add(new Dependency(from, "config:" + other.path, "", 0, Dependency.CONFIGURED, List.of(at)));
      });
    }
    Map<String, java.util.TreeSet<String>> unresolved = new TreeMap<>();
    for (Pending p : edges) {
      String to = endpoints.resolve(p.from(), p.host(), p.port(), p.evidence().get(p.evidence().size() - 1));
      Joins.Reference ref = new Joins.Reference(p.from(), p.host(), p.port(), p.protocol(), p.evidence());
      // A bare name may be a compose service of the same repository: the pipeline's join looks it up
      // by name, which says more than the port it was matched by here.
      if (Endpoints.isServiceName(p.host())) out.joins.references.add(ref);
      if (to != null) {
        out.add(new Dependency(p.from(), to, p.protocol(), p.port(), Dependency.CONFIGURED, p.evidence()));
      } else {
        unresolved.computeIfAbsent(p.from(), k -> new java.util.TreeSet<>()).add(ref.written());
      }
    }
    // Addresses that lead to nothing read (a compose service, a host not scanned) stay as written.
    for (int i = 0; i < out.components.size(); i++) {
      Component c = out.components.get(i);
      if (!unresolved.containsKey(c.id())) continue;
      Map<String, String> attributes = new TreeMap<>(c.attributes());
      attributes.put("targets_not_read", String.join(", ", unresolved.get(c.id())));
      out.components.set(i, new Component(c.id(), c.name(), c.kind(), c.technology(), c.version(), c.host(), c.source(),
          c.instances(), c.runsAs(), c.managedBy(), c.listens(), attributes, c.evidence()));
    }
    for (String rel : tree.unreadable()) out.add(new Problem(sourceId, rel, "could not be read", "check the file permissions"));
    out.collections.add(new Collection(sourceId, steps));
    return out;
  }
}
