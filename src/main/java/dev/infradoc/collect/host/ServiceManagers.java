package dev.infradoc.collect.host;

import dev.infradoc.collect.host.parse.DockerPsParser;
import dev.infradoc.collect.host.parse.DockerPsParser.Container;
import dev.infradoc.collect.host.parse.FileLine;
import dev.infradoc.collect.host.parse.SystemdParser;
import dev.infradoc.collect.host.parse.SystemdParser.Unit;
import dev.infradoc.knowledge.ImageCatalog;
import dev.infradoc.model.Component;
import dev.infradoc.model.ComponentKind;
import dev.infradoc.model.Evidence;
import dev.infradoc.model.Listen;
import dev.infradoc.redact.Redactor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What manages each component: the systemd unit whose main process it is (with its unit file's
 * settings) or the docker container it runs in. Containers with no visible process become
 * components of their own.
 */
final class ServiceManagers {
  private static final Set<String> UNIT_KEYS = Set.of("User", "Group", "Restart", "WorkingDirectory", "ExecStart");

  private ServiceManagers() {}

  static void systemd(List<Draft> drafts, ProbeOutput round1, List<FileLine> files, String sourceId, Redactor redactor) {
    List<Unit> units = SystemdParser.parse(round1.lines(ProbeSection.SYSTEMD.id()));
    for (Unit unit : units) {
      if (unit.mainPid() <= 0) continue;
      for (Draft d : drafts) {
        if (!d.rootPids.contains(unit.mainPid())) continue;
        if (d.managedBy.isEmpty()) d.managedBy = "systemd:" + unit.id();
        d.attributes.put("systemd.unit", unit.id());
        d.attributes.put("systemd.state", unit.activeState() + "/" + unit.subState());
        d.evidence.add(Evidence.of(sourceId, ProbeSection.SYSTEMD.locator(unit.line()), "Id=" + unit.id() + " MainPID=" + unit.mainPid()));
        if (unit.local()) unitFile(d, unit.fragmentPath(), files, sourceId, redactor);
      }
    }
  }

  private static void unitFile(Draft d, String path, List<FileLine> files, String sourceId, Redactor redactor) {
    for (FileLine l : files) {
      if (!l.path().equals(path)) continue;
      String text = l.text().strip();
      int eq = text.indexOf('=');
      if (eq <= 0 || !UNIT_KEYS.contains(text.substring(0, eq))) continue;
      d.attributes.putIfAbsent("systemd." + text.substring(0, eq), redactor.commandLine(text.substring(eq + 1)));
      d.evidence.add(Evidence.of(sourceId, l.locator(), redactor.commandLine(text)));
    }
  }

  /** Marks drafts running in containers and returns components for containers no process was seen for. */
  static List<Component> docker(List<Draft> drafts, ProbeOutput round1, String hostname, String sourceId,
      Redactor redactor) {
    List<Component> extra = new ArrayList<>();
    ImageCatalog images = ImageCatalog.shipped();
    for (Container raw : DockerPsParser.parse(round1.lines(ProbeSection.DOCKER.id()))) {
      Container c = new Container(raw.id(), redactor.text(raw.image()), redactor.commandLine(raw.name()), raw.ports(),
          redactor.text(raw.status()), raw.line());
      Evidence ev = Evidence.of(sourceId, ProbeSection.DOCKER.locator(c.line()), c.name() + " " + c.image() + " " + c.status());
      boolean matched = false;
      for (Draft d : drafts) {
        if (!d.managedBy.equals("docker:" + c.shortId())) continue;
        matched = true;
        d.attributes.put("container.name", c.name());
        d.attributes.put("container.image", c.image());
        d.evidence.add(ev);
        c.ports().forEach(p -> d.listens.add(new Listen(p.address(), p.hostPort(), p.protocol())));
      }
      if (matched) continue;
      Map<String, String> attributes = new TreeMap<>();
      attributes.put("container.image", c.image());
      attributes.put("container.status", c.status());
      ImageCatalog.ImageRef ref = ImageCatalog.parse(c.image());
      ComponentKind kind = images.find(c.image()).map(k -> ComponentKind.fromId(k.kind())).orElse(ComponentKind.APPLICATION);
      String technology = images.find(c.image()).map(ImageCatalog.ImageKind::technology).orElse("");
      List<Listen> listens = c.ports().stream().map(p -> new Listen(p.address(), p.hostPort(), p.protocol())).toList();
      extra.add(new Component("host:" + hostname + "/container/" + ComponentAssembler.slug(c.name()), c.name(), kind,
          technology, ref.tag(), "host:" + hostname, sourceId, 1, "", "docker:" + c.shortId(), listens, attributes,
          List.of(ev)));
    }
    return extra;
  }
}
