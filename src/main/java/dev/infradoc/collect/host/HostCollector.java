package dev.infradoc.collect.host;

import dev.infradoc.collect.CollectContext;
import dev.infradoc.collect.CollectionException;
import dev.infradoc.collect.Collector;
import dev.infradoc.collect.Target;
import dev.infradoc.collect.host.parse.FileLine;
import dev.infradoc.knowledge.Manifests;
import dev.infradoc.model.Collection;
import dev.infradoc.model.Fragment;
import dev.infradoc.model.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Scans a Linux host, local or over SSH: one connection, one batched read-only probe, at most one
 * follow-up round for files and environments that round 1 pointed at.
 */
public final class HostCollector implements Collector {
  private final ShellFactory ssh;

  /** Read on the first host scan, not when the collector is made (a repository scan never needs it). */
  private static final class Loaded {
    static final Manifests MANIFESTS = Manifests.load();
  }

  public HostCollector(ShellFactory ssh) {
    this.ssh = ssh;
  }

  @Override
  public boolean supports(Target target) {
    return target.kind() == Target.Kind.LOCAL || target.kind() == Target.Kind.SSH;
  }

  @Override
  public Fragment collect(Target target, CollectContext context) throws CollectionException {
    long t0 = System.nanoTime();
    try (Shell shell = target.kind() == Target.Kind.LOCAL
        ? new LocalShell(context.options().sudo())
        : ssh.open(target, context.options(), context.events())) {
      String sourceId = target.kind() == Target.Kind.LOCAL ? "local" : "ssh://" + shell.describe();
      String nonce = ProbeScripts.nonce();
      long t1 = System.nanoTime();
      ShellResult first = shell.run(ProbeScripts.ROUND1, List.of(nonce), "", context.options().commandTimeout());
      context.events().phase(target, "probe", ms(t1));
      ProbeOutput round1 = ProbeOutput.parse(nonce, first.stdout(), first.stderr());
      if (round1.section("meta").isEmpty()) {
        boolean sudoRefused = context.options().sudo() && first.stderr().contains("sudo:");
        throw new CollectionException(shell.describe() + ": the probe printed nothing it could read"
            + firstLine(first.stderr()), sudoRefused
                ? "sudo -n was refused: allow this user to run /bin/sh with sudo without a password, or scan without --sudo"
                : "check that the target is Linux with a POSIX /bin/sh");
      }
      long t2 = System.nanoTime();
      HostFacts facts = FactsParser.parse(sourceId, round1);
      if (!"Linux".equals(facts.host().containsKey("kernel") ? facts.host().get("kernel").value().split(" ")[0] : "")) {
        throw new CollectionException(shell.describe() + ": not a Linux host (uname says '"
            + (facts.host().containsKey("kernel") ? facts.host().get("kernel").value() : "nothing") + "')",
            "InfraDoc reads /proc and Linux tools; other systems are not supported yet");
      }
      Set<Integer> footprint = Footprint.of(facts, context.knowledge());
      ComponentAssembler.Result assembly =
          new ComponentAssembler(facts, context.knowledge(), context.redactor(), footprint).assemble();
      context.events().phase(target, "parse", ms(t2));

      SecondRound second = new SecondRound(assembly, Loaded.MANIFESTS);
      ProbeOutput round2 = ProbeOutput.parse(nonce, "", "");
      ShellResult secondResult = null;
      if (!second.isEmpty()) {
        long t3 = System.nanoTime();
        secondResult = shell.run(ProbeScripts.ROUND2, List.of(nonce), second.stdin(), context.options().commandTimeout());
        round2 = ProbeOutput.parse(nonce, secondResult.stdout(), secondResult.stderr());
        context.events().phase(target, "files", ms(t3));
      }
      long t4 = System.nanoTime();
      // File text is redacted once, here, so no reader of configs or manifests can leak a secret.
      List<FileLine> files = new ArrayList<>();
      for (FileLine l : facts.configLines()) files.add(new FileLine(l.path(), l.number(), context.redactor().text(l.text())));
      for (FileLine l : SecondRound.files(round2)) files.add(new FileLine(l.path(), l.number(), context.redactor().text(l.text())));
      ManifestReader.enrich(assembly.drafts(), files, Loaded.MANIFESTS, sourceId);
      HostConfigReader.sshd(assembly.drafts(), files, sourceId);
      ServiceManagers.systemd(assembly.drafts(), round1, files, sourceId, context.redactor());
      List<dev.infradoc.model.Component> containers =
          ServiceManagers.docker(assembly.drafts(), round1, facts.hostname(), sourceId, context.redactor());
      DependencyFinder deps = new DependencyFinder(facts, assembly, context.knowledge());
      deps.observed();
      deps.configuredByProxies(files);
      deps.configuredByEnvironment(SecondRound.environments(round2, context.redactor()));

      Fragment fragment = new Fragment();
      fragment.sources.add(new Source(sourceId, "host", target.kind() == Target.Kind.LOCAL ? "local" : "ssh://" + shell.describe()));
      fragment.hosts.add(HostDescriber.describe(facts));
      String hostId = "host:" + facts.hostname();
      assembly.drafts().forEach(d -> fragment.components.add(d.toComponent(hostId, sourceId)));
      fragment.components.addAll(deps.externals());
      fragment.components.addAll(containers);
      fragment.components.addAll(HostConfigReader.cronJobs(files, facts.hostname(), sourceId, context.redactor()));
      fragment.dependencies.addAll(deps.dependencies());
      boolean root = "0".equals(facts.metaValue("uid"));
      fragment.problems.addAll(CoverageProblems.of(sourceId, round1, round2, facts, root, second.skipped(), assembly.byPid()));
      if (first.truncated() || (secondResult != null && secondResult.truncated())) {
        fragment.problems.add(new dev.infradoc.model.Problem(sourceId, "part of the probe output",
            "output exceeded " + Shell.MAX_OUTPUT_BYTES / (1024 * 1024) + " MiB and was cut", ""));
      }
      fragment.collections.add(collection(sourceId, round1, round2, assembly, facts));
      context.events().phase(target, "model", ms(t4));
      context.events().phase(target, "total", ms(t0));
      return fragment;
    }
  }

  private static Collection collection(String sourceId, ProbeOutput round1, ProbeOutput round2,
      ComponentAssembler.Result assembly, HostFacts facts) {
    List<Collection.Step> steps = new ArrayList<>();
    for (ProbeOutput.Section s : round1.all()) {
      String what = ProbeSection.byId(s.name()).map(ProbeSection::command).orElse(s.name());
      steps.add(new Collection.Step(s.name(), what, s.exitCode(), s.lines().size()));
    }
    for (ProbeOutput.Section s : round2.all()) {
      String what = s.name().startsWith("env ") ? "cat /proc/" + s.name().substring(4) + "/environ" : s.name();
      steps.add(new Collection.Step("round 2", what, s.exitCode(), s.lines().size()));
    }
    steps.add(new Collection.Step("excluded", "kernel threads", 0, assembly.kernelThreads()));
    steps.add(new Collection.Step("excluded", "interactive sessions and shells", 0, assembly.sessionProcesses()));
    steps.add(new Collection.Step("excluded", "the scan's own processes", 0, assembly.footprintProcesses()));
    return new Collection(sourceId, steps);
  }

  private static String firstLine(String stderr) {
    String line = stderr.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
    return line.isEmpty() ? "" : " (" + (line.length() > 200 ? line.substring(0, 200) : line) + ")";
  }

  private static long ms(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}
