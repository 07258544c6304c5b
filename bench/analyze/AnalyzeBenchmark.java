import dev.infradoc.analyze.Analyzer;
import dev.infradoc.model.Component;
import dev.infradoc.model.ComponentKind;
import dev.infradoc.model.Dependency;
import dev.infradoc.model.Evidence;
import dev.infradoc.model.Host;
import dev.infradoc.model.Listen;
import dev.infradoc.model.Model;
import dev.infradoc.model.Source;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Times the findings analysis on a synthetic model of 10,000 components and 50,000 edges: 100 hosts
 * with 60 running components each (web servers, apps, workers, databases, caches, sshd, cron jobs)
 * and 4,000 declared Terraform resources (security groups with rules, RDS, ElastiCache, S3, listeners,
 * target groups, auto scaling groups). Seeded, so every run analyses the same model.
 * Run: bench/analyze/run.sh
 */
public class AnalyzeBenchmark {
  static final String[] TF_TYPES = {"aws_security_group", "aws_db_instance", "aws_elasticache_replication_group", "aws_s3_bucket",
      "aws_lb_listener", "aws_lb_target_group", "aws_autoscaling_group", "aws_iam_policy"};

  public static void main(String[] args) {
    int components = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int edges = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
    Model model = build(components, edges, new Random(42));
    System.out.printf("model: %d components, %d dependencies, %d hosts%n", model.components().size(), model.dependencies().size(), model.hosts().size());
    Analyzer analyzer = new Analyzer();
    for (int i = 0; i < 5; i++) analyzer.analyze(model);
    List<Long> times = new ArrayList<>();
    int findings = 0;
    for (int i = 0; i < 10; i++) {
      long t = System.nanoTime();
      findings = analyzer.analyze(model).findings().size();
      times.add((System.nanoTime() - t) / 1_000_000);
    }
    times.sort(null);
    long first = measureCold(components, edges);
    dev.infradoc.analyze.ModelIndex index = new dev.infradoc.analyze.ModelIndex(model);
    List<String> slow = new ArrayList<>();
    for (dev.infradoc.analyze.Rule r : Analyzer.RULES) {
      long t = System.nanoTime();
      r.check(index);
      long ms = (System.nanoTime() - t) / 1_000_000;
      if (ms >= 5) slow.add(r.id() + " " + ms + " ms");
    }
    System.out.println("rules taking 5 ms or more (one run each): " + (slow.isEmpty() ? "none" : String.join(", ", slow)));
    System.out.printf("findings: %d%nanalysis ms over 10 warm runs: min %d, median %d, max %d; first (cold) run in a fresh analyzer: %d ms%n",
        findings, times.get(0), times.get(5), times.get(9), first);
  }

  private static long measureCold(int components, int edges) {
    Model m = build(components, edges, new Random(7));
    long t = System.nanoTime();
    new Analyzer().analyze(m);
    return (System.nanoTime() - t) / 1_000_000;
  }

  static Model build(int n, int edges, Random rnd) {
    int hosts = 100;
    int declared = n * 4 / 10;
    int running = n - declared;
    int perHost = running / hosts;
    List<Host> hostList = new ArrayList<>();
    List<Component> comps = new ArrayList<>();
    String ssh = "ssh://bench";
    String tf = "terraform:bench";
    ComponentKind[] kinds = {ComponentKind.WEB_SERVER, ComponentKind.APPLICATION, ComponentKind.WORKER, ComponentKind.DATABASE,
        ComponentKind.CACHE, ComponentKind.SYSTEM, ComponentKind.SCHEDULER, ComponentKind.QUEUE};
    for (int h = 0; h < hosts; h++) {
      String host = "host:h" + h;
      hostList.add(new Host(host, "h" + h, h % 10 == 0 ? "Debian GNU/Linux 10 (buster)" : "Debian GNU/Linux 12 (bookworm)", "Linux",
          List.of("10.0." + h + ".1/24"), (2 + h % 8) + " x CPU", "8 GiB", Map.of(), List.of(Evidence.of(ssh, "cat /etc/os-release#1", "PRETTY_NAME=x"))));
      for (int i = 0; i < perHost; i++) {
        ComponentKind kind = kinds[i % kinds.length];
        Map<String, String> a = new TreeMap<>();
        if (kind == ComponentKind.APPLICATION) a.put("workers", String.valueOf(1 + rnd.nextInt(20)));
        if (kind == ComponentKind.SCHEDULER) {
          a.put("schedule", "0 3 * * *");
          a.put("schedule.command", i % 16 == 6 ? "pg_dump shop" : "logrotate");
        }
        if (kind == ComponentKind.SYSTEM && i % 16 == 5) a.put("sshd.PasswordAuthentication", rnd.nextBoolean() ? "yes" : "no");
        String tech = switch (kind) {
          case DATABASE -> "PostgreSQL";
          case CACHE -> "Redis";
          case WEB_SERVER -> "nginx";
          case SYSTEM -> i % 16 == 5 ? "OpenSSH" : "chrony";
          default -> "Python";
        };
        List<Listen> l = kind == ComponentKind.SCHEDULER ? List.of()
            : List.of(new Listen(rnd.nextInt(3) == 0 ? "0.0.0.0" : "127.0.0.1", 1000 + rnd.nextInt(9000), "tcp"));
        comps.add(new Component(host + "/c" + i, "c" + i, kind, tech, rnd.nextBoolean() ? "11.2" : "16.1", host, ssh, 1,
            rnd.nextInt(5) == 0 ? "root" : "app", "", l, a, List.of(Evidence.of(ssh, "ps -eo pid,args#" + i, "c" + i))));
      }
    }
    for (int i = comps.size(); i < n; i++) {
      String type = TF_TYPES[i % TF_TYPES.length];
      Map<String, String> a = new TreeMap<>();
      a.put("terraform.type", type);
      a.put("terraform.address", type + ".r" + i);
      switch (type) {
        case "aws_security_group" -> {
          a.put("rule[0]", "ingress: tcp " + (rnd.nextBoolean() ? 5432 : 443) + " from " + (rnd.nextBoolean() ? "0.0.0.0/0" : "10.0.0.0/8"));
          a.put("rule[1]", "ingress: tcp 22 from 10.0.0.0/8");
        }
        case "aws_db_instance" -> {
          a.put("engine", "postgres");
          a.put("multi_az", String.valueOf(rnd.nextBoolean()));
          a.put("backup_retention_period", String.valueOf(rnd.nextInt(3)));
        }
        case "aws_lb_listener" -> a.put("protocol", rnd.nextBoolean() ? "HTTP" : "HTTPS");
        case "aws_autoscaling_group" -> {
          a.put("min_size", "2");
          a.put("max_size", String.valueOf(2 + rnd.nextInt(3)));
        }
        case "aws_iam_policy" -> a.put("policy", "jsonencode({ Statement = [{ Effect = \"Allow\", Action = \"s3:GetObject\", Resource = \"*\" }] })");
        default -> { }
      }
      comps.add(new Component("tf:" + type + ".r" + i, type + ".r" + i, ComponentKind.UNCLASSIFIED, type, "15.5", "", tf, 1, "", "terraform",
          List.of(), a, List.of(Evidence.of(tf, "main.tf:" + i, "resource \"" + type + "\" \"r" + i + "\" {"))));
    }
    comps.sort(java.util.Comparator.comparing(Component::id));
    List<Dependency> deps = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    List<Component> runningComps = comps.stream().filter(c -> !c.host().isEmpty()).toList();
    List<Component> declaredComps = comps.stream().filter(c -> c.host().isEmpty()).toList();
    Map<String, Integer> position = new java.util.HashMap<>();
    for (int i = 0; i < runningComps.size(); i++) position.put(runningComps.get(i).id(), i);
    while (deps.size() < edges) {
      boolean run = deps.size() % 5 != 0;
      List<Component> pool = run ? runningComps : declaredComps;
      Component a = pool.get(rnd.nextInt(pool.size()));
      // Running edges stay mostly within a host's neighbourhood, as real traffic does.
      Component b = run && rnd.nextInt(4) != 0 ? runningComps.get(Math.floorMod(position.get(a.id()) + rnd.nextInt(60) - 30, runningComps.size()))
          : pool.get(rnd.nextInt(pool.size()));
      if (a == b || !seen.add(a.id() + ">" + b.id())) continue;
      deps.add(new Dependency(a.id(), b.id(), "tcp", run ? 5432 : 0, run ? (rnd.nextBoolean() ? Dependency.OBSERVED : Dependency.CONFIGURED) : Dependency.DECLARED,
          List.of(Evidence.of(run ? ssh : tf, run ? "ss -tuanp#" + deps.size() : "main.tf:" + deps.size(), ""))));
    }
    deps.sort(null);
    return new Model(1, new Model.GeneratedBy("infradoc", "bench"), "2026-11-21T00:00:00Z",
        List.of(new Source(ssh, "host", "bench"), new Source(tf, "terraform", "bench")), hostList, comps, deps, List.of(), List.of(), List.of(), List.of());
  }
}
