package dev.infradoc.analyze.rules;

import dev.infradoc.analyze.BaseRule;
import dev.infradoc.analyze.EolTable;
import dev.infradoc.analyze.ModelIndex;
import dev.infradoc.model.Component;
import dev.infradoc.model.Finding;
import dev.infradoc.model.Severity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A component runs (or declares) a software release past its end of support: its version (a package
 * version, a declared engine version, or the version in a runtime's executable name) against knowledge/eol.yaml.
 */
public final class EolSoftwareRule extends BaseRule {
  private static final Pattern UPSTREAM = Pattern.compile("^(?:\\d+:)?(\\d+(?:\\.\\d+)*)");
  private static final Pattern DISTRO = Pattern.compile("deb\\d|ubuntu|\\.el\\d|\\+b\\d|amzn");

  public EolSoftwareRule() {
    super("hygiene.eol.software", Severity.MEDIUM, "A component runs a software release past its end of support");
  }

  @Override
  public List<Finding> check(ModelIndex index) {
    LocalDate today = ScanDate.of(index);
    EolTable table = EolTable.get();
    List<Finding> out = new ArrayList<>();
    for (Component c : index.model().components()) {
      for (EolTable.Software s : table.software()) {
        String version = versionOf(c, s);
        if (version.isEmpty()) continue;
        Matcher v = UPSTREAM.matcher(version);
        if (!v.find()) continue;
        Optional<EolTable.Match> m = table.software(s, v.group(1)).filter(x -> x.end().isBefore(today));
        if (m.isEmpty()) continue;
        boolean distro = DISTRO.matcher(version).find();
        EolTable.Match x = m.get();
        out.add(finding(c.id(), distro ? Severity.LOW : severity(),
            c.name() + (c.host().isEmpty() ? "" : " on " + hostName(c)) + " is " + x.product() + " " + x.cycle() + ", past upstream end of life",
            c.name() + " is version " + version + ". " + x.product() + " " + x.cycle() + " reached upstream end of life on " + x.end()
                + " (end-of-life table updated " + table.updated() + ", " + x.source() + ")."
                + (distro ? " This is a distribution package: the distribution may still backport security fixes until its own release ends - check its security tracker." : " It receives no security fixes."),
            List.of(c.id()), evidenceFor(c, "engine_version", "version"),
            "Upgrade " + c.name() + " to a supported " + x.product() + " release" + (distro ? " (or confirm the distribution still patches " + x.cycle() + ")" : "") + "."));
        break;
      }
    }
    return out;
  }

  private static String versionOf(Component c, EolTable.Software s) {
    if (s.technologies().contains(c.technology())) {
      boolean managed = !c.attribute("engine").isEmpty();
      if (managed && !s.engines().contains(c.attribute("engine"))) return "";
      if (!c.version().isEmpty()) return c.version();
    }
    if (!s.executablePattern().isEmpty() && s.technologies().contains(c.attribute("language"))) {
      Matcher m = Pattern.compile(s.executablePattern()).matcher(c.attribute("executable"));
      if (m.find()) return m.group(1);
    }
    return "";
  }
}
