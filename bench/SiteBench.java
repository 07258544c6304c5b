import dev.infradoc.analyze.Analyzer;
import dev.infradoc.model.Component;
import dev.infradoc.model.ComponentKind;
import dev.infradoc.model.Dependency;
import dev.infradoc.model.Evidence;
import dev.infradoc.model.Host;
import dev.infradoc.model.Listen;
import dev.infradoc.model.Model;
import dev.infradoc.model.Source;
import dev.infradoc.pipeline.Documents;
import dev.infradoc.pipeline.FleetStitcher;
import dev.infradoc.pipeline.OutputFormat;
import dev.infradoc.pipeline.OutputWriter;
import dev.infradoc.pipeline.RunInfo;
import dev.infradoc.render.html.Site;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Benchmark: the HTML site (and every other document) rendered from a synthetic fleet model, no
 * scanning, so the cost of the documents alone is seen at sizes a test machine cannot host.
 *
 * usage: java -cp target/infradoc.jar bench/SiteBench.java [HOSTS...]   (default: 50 200)
 * The first size's "first" column is a cold JVM's (as in one CLI run); later sizes run warmer.
 */
public final class SiteBench {
  private static final int ROUNDS = 5;

  public static void main(String[] args) throws Exception {
    List<Integer> sizes = args.length == 0 ? List.of(50, 200) : Stream.of(args).map(Integer::parseInt).toList();
    System.out.println("| hosts | components / dependencies / findings | site: files, MiB | site render, first | site render (median of "
        + ROUNDS + ", after warm-up) | all formats render | all formats render + write |");
    System.out.println("| --- | --- | --- | --- | --- | --- | --- |");
    for (int n : sizes) {
      Model model = new Analyzer().analyze(FleetStitcher.stitch(fleet(n)));
      RunInfo run = new RunInfo(model.generatedAt(), List.of());
      long t0 = System.nanoTime();
      Map<String, String> site = new Site(model, run).render();
      long firstMs = (System.nanoTime() - t0) / 1_000_000; // what a one-shot CLI run pays (cold JIT) for the first size
      long bytes = site.values().stream().mapToLong(s -> s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).sum();
      long siteMs = median(() -> new Site(model, run).render());
      long allMs = median(() -> Documents.render(model, run, EnumSet.allOf(OutputFormat.class)));
      Path out = Files.createTempDirectory("infradoc-sitebench-");
      long writeMs;
      try {
        writeMs = median(() -> {
          try {
            OutputWriter.write(out, Documents.render(model, run, EnumSet.allOf(OutputFormat.class)));
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
          return null;
        });
      } finally {
        try (Stream<Path> left = Files.walk(out)) {
          left.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
      System.out.printf("| %d | %d / %d / %d | %d, %.1f | %d ms | %d ms | %d ms | %d ms |%n", n, model.components().size(),
          model.dependencies().size(), model.findings().size(), site.size(), bytes / 1048576.0, firstMs, siteMs, allMs, writeMs);
    }
    Runtime rt = Runtime.getRuntime();
    System.out.printf("%nheap in use at the end: %d MiB (max %d MiB); load: %s%n", (rt.totalMemory() - rt.freeMemory()) >> 20,
        rt.maxMemory() >> 20, Files.readString(Path.of("/proc/loadavg")).strip());
  }

  /** Median wall time of ROUNDS runs, after one warm-up run (JIT), in milliseconds. */
  private static long median(java.util.concurrent.Callable<?> work) throws Exception {
    work.call();
    long[] ms = new long[ROUNDS];
    for (int i = 0; i < ROUNDS; i++) {
      long t = System.nanoTime();
      work.call();
      ms[i] = (System.nanoTime() - t) / 1_000_000;
    }
    java.util.Arrays.sort(ms);
    return ms[ROUNDS / 2];
  }

  /**
   * A fleet shaped like a web shop: 60% web hosts (nginx, Gunicorn, sshd), 20% workers, 10%
   * PostgreSQL, 10% Redis, each host in its tier's group; every web host observed talking to one
   * database and one cache, every worker to a cache. Evidence is shaped like a host probe's.
   */
  static Model fleet(int n) {
    List<Source> sources = new ArrayList<>();
    List<Host> hosts = new ArrayList<>();
    List<Component> components = new ArrayList<>();
    List<Dependency> deps = new ArrayList<>();
    int dbs = Math.max(1, n / 10), caches = Math.max(1, n / 10), workers = n / 5, webs = Math.max(1, n - dbs - caches - workers);
    int i = 0;
    for (String tier : List.of("web", "worker", "db", "cache")) {
      int count = switch (tier) { case "web" -> webs; case "worker" -> workers; case "db" -> dbs; default -> caches; };
      for (int k = 1; k <= count; k++, i++) {
        String name = String.format("%s%03d", tier, k);
        String src = "host:" + name;
        String addr = "10." + (i / 65536) % 256 + "." + (i / 256) % 256 + "." + (i % 256 + 1);
        sources.add(new Source(src, "host", "ssh://root@" + addr));
        Evidence ev = new Evidence(src, "uname -a#1", "Linux " + name + " 6.1.0-18-amd64");
        hosts.add(new Host("host:" + name, name, "Debian GNU/Linux 12 (bookworm)", "6.1.0-18-amd64",
            List.of(addr + "/16 (eth0)"), "2 x AMD EPYC", "4.0 GiB", Map.of(), List.of(ev), List.of("production", tier)));
        components.add(component(name, src, "sshd", ComponentKind.SYSTEM, "OpenSSH", "9.2p1", 22, "0.0.0.0"));
        switch (tier) {
          case "web" -> {
            components.add(component(name, src, "nginx", ComponentKind.WEB_SERVER, "nginx", "1.22.1", 80, "0.0.0.0"));
            components.add(component(name, src, "shop-gunicorn", ComponentKind.APPLICATION, "Gunicorn", "20.1.0", 8000, "127.0.0.1"));
            deps.add(new Dependency("host:" + name + "/nginx", "host:" + name + "/shop-gunicorn", "http", 8000,
                Dependency.CONFIGURED, List.of(new Evidence(src, "/etc/nginx/sites-enabled/shop:12", "proxy_pass http://127.0.0.1:8000;"))));
            deps.add(observed(name, src, "shop-gunicorn", String.format("db%03d", k % dbs + 1), "postgresql", 5432, hosts.size()));
            deps.add(observed(name, src, "shop-gunicorn", String.format("cache%03d", k % caches + 1), "redis", 6379, hosts.size()));
          }
          case "worker" -> {
            components.add(component(name, src, "shop-worker", ComponentKind.WORKER, "Celery", "5.2.7", 0, ""));
            deps.add(observed(name, src, "shop-worker", String.format("cache%03d", k % caches + 1), "redis", 6379, hosts.size()));
          }
          case "db" -> components.add(component(name, src, "postgresql", ComponentKind.DATABASE, "PostgreSQL", "15.6", 5432, "0.0.0.0"));
          default -> components.add(component(name, src, "redis", ComponentKind.CACHE, "Redis", "7.0.15", 6379, "0.0.0.0"));
        }
      }
    }
    return new Model(Model.SCHEMA_VERSION, new Model.GeneratedBy("infradoc", "bench"), "2026-01-01T00:00:00Z", sources,
        hosts, components, deps, List.of(), List.of(), List.of(), List.of());
  }

  private static Component component(String host, String src, String local, ComponentKind kind, String tech, String version,
      int port, String address) {
    List<Listen> listens = port == 0 ? List.of() : List.of(new Listen(address, port, "tcp"));
    List<Evidence> ev = List.of(new Evidence(src, "ps -eo pid,ppid,user,etimes,args#" + (port % 97 + 2), local + " (pid 1234)"),
        new Evidence(src, "dpkg-query -W#" + (port % 89 + 10), tech.toLowerCase() + " " + version));
    return new Component("host:" + host + "/" + local, local, kind, tech, version, "host:" + host, src, 1, "root", "",
        listens, Map.of(), ev);
  }

  /** An established connection seen by ss on the client host, to the server's component. */
  private static Dependency observed(String host, String src, String from, String toHost, String to, int port, int line) {
    return new Dependency("host:" + host + "/" + from, "host:" + toHost + "/" + to, to, port, Dependency.OBSERVED,
        List.of(new Evidence(src, "ss -tnpH state established#" + (line % 50 + 1), "ESTAB 0 0 10.0.0.5:51234 " + toHost + ":" + port)));
  }
}
