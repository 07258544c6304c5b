package dev.infradoc.it;

import dev.infradoc.testing.SecretCorpus;
import dev.infradoc.testing.SecretCorpus.Sample;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes the fixture of a hostile test host (src/test/stack/hostile) and a hostile repository:
 * processes, files and names carrying Markdown, Mermaid and HTML syntax, pipes, backticks, ANSI
 * escapes, non-UTF-8 bytes, very long text and shell syntax whose execution would leave a canary
 * file, plus every secret of the corpus in the place its sample names.
 */
final class HostileFixture {
  /** Canary file names: shell syntax in names would create them if anything ran it. */
  static final String CANARY = "infradoc-pwned-";
  static final String HOSTNAME = "hostile|`h`*<b>x</b>";
  static final String SHELL_DIR = "a$(touch${IFS}" + CANARY + "1)b;touch " + CANARY + "2;`touch " + CANARY + "3`|d";
  static final String NGINX_DIR = "ngx$(touch${IFS}" + CANARY + "4);x";
  static final String HTML = "<script>alert('x')</script>";

  private HostileFixture() {}

  /** The host fixture for up.sh --hostile DIR. */
  static void writeHost(Path dir, String scanUser) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("hostname"), HOSTNAME + "\n");
    Files.writeString(dir.resolve("scan-user"), scanUser + "\n");
    int[] n = {0};
    // Hostile names: each a long-running process whose command line is the hostile text.
    proc(dir, ++n[0], "apps/md", List.of(b("**bold**|`tick`" + HTML + "[link](http://evil.example)#h ~~s~~ $x$"), b("--flag=|a|b|")), List.of());
    proc(dir, ++n[0], "apps/md", List.of(b("x\"]-->y[(\"z\")]; click n1 call alert() %%{init: {}}%% end subgraph"), b("|-->|")), List.of());
    proc(dir, ++n[0], "apps/md", List.of(b("longname"), b("A".repeat(6000))), List.of());
    proc(dir, ++n[0], "apps/md", List.of(bytes(new byte[] {'c', 'a', 'f', (byte) 0xe9, (byte) 0xff, 0x1b, '[', '3', '1', 'm', 'r', 'e', 'd',
        0x1b, '[', '0', 'm', (byte) 0xe2, (byte) 0x80, (byte) 0xae, 'z'}), b("line1\nline2 | x")), List.of());
    // A working directory whose name is shell syntax: round 2 asks for manifests in it.
    Path shellDir = dir.resolve("apps").resolve(SHELL_DIR);
    Files.createDirectories(shellDir);
    proc(dir, ++n[0], "apps/" + SHELL_DIR, List.of(b("shellapp"), b("serve")), List.of());
    StringBuilder requirements = new StringBuilder("flask==3.0.0  # **x**|y `z` " + HTML + "\n\u001b[31mredis\u001b[0m==5.0\n");
    StringBuilder packageJson = new StringBuilder("{\n  \"name\": \"x|`y`\",\n  \"dependencies\": {\n    \"express\": \"4.19.0\",\n");
    for (Sample s : SecretCorpus.where("manifest")) {
      if (s.planted().startsWith("git+")) requirements.append(s.planted()).append('\n');
      else packageJson.append("    ").append(s.planted()).append('\n');
    }
    Files.writeString(shellDir.resolve("requirements.txt"), requirements);
    Files.writeString(shellDir.resolve("package.json"), packageJson.append("    \"pg\": \"8.11.0\"\n  }\n}\n"));
    // An nginx whose -c file lies in a directory named with shell syntax: round 2 reads and globs there.
    Path ngx = dir.resolve(NGINX_DIR);
    Files.createDirectories(ngx.resolve("conf.d"));
    proc(dir, ++n[0], ".", List.of(b("nginx: master process /usr/sbin/nginx -c @S@/hostile/" + NGINX_DIR + "/nginx.conf")), List.of());
    Files.writeString(ngx.resolve("nginx.conf"), "http {\n  include conf.d/*.conf;\n}\n");
    Files.writeString(ngx.resolve("conf.d/hostile.conf"), nginxServer("hostile.test", SecretCorpus.where("nginx")));
    Path etcNginx = dir.resolve("etc/nginx/sites-enabled");
    Files.createDirectories(etcNginx);
    Files.writeString(etcNginx.resolve("hostile|`x`"), nginxServer("**x**|`y`.test", SecretCorpus.where("nginx")));
    // Secrets on command lines: one process per sample.
    for (Sample s : SecretCorpus.where("cmdline")) {
      List<String> words = new ArrayList<>(Arrays.asList(s.planted().split(" ")));
      String program = words.get(0).startsWith("-") ? "/usr/local/bin/app" : words.remove(0);
      List<byte[]> argv = new ArrayList<>(List.of(b(program)));
      words.forEach(w -> argv.add(b(w)));
      proc(dir, ++n[0], ".", argv, List.of());
    }
    // Secrets in an application's environment.
    List<byte[]> env = new ArrayList<>(List.of(b("PATH=/usr/bin:/bin")));
    SecretCorpus.where("env").forEach(s -> env.add(b(s.name() + "=" + s.envValue())));
    proc(dir, ++n[0], ".", List.of(b("envapp"), b("--serve")), env);
    // Secrets and hostile names in cron and systemd files.
    Files.createDirectories(dir.resolve("etc/cron.d"));
    StringBuilder cron = new StringBuilder("SHELL=/bin/sh\n0 1 * * * root /usr/bin/true **x**|`y` " + HTML + " $(touch /tmp/" + CANARY + "cron)\n");
    SecretCorpus.where("cron").forEach(s -> cron.append(s.planted()).append('\n'));
    Files.writeString(dir.resolve("etc/cron.d/hostile|`x`"), cron);
    Files.createDirectories(dir.resolve("etc/systemd/system"));
    StringBuilder unit = new StringBuilder("[Service]\nDescription=**x**|`y` " + HTML + "\n");
    SecretCorpus.where("unit").forEach(s -> unit.append(s.planted()).append('\n'));
    Files.writeString(dir.resolve("etc/systemd/system/hostile.service"), unit);
  }

  /** A repository with compose, Kubernetes and Terraform files carrying the repository samples and hostile names. */
  static void writeRepository(Path dir) throws IOException {
    Files.createDirectories(dir.resolve("k8s"));
    StringBuilder compose = new StringBuilder("services:\n  web:\n    image: nginx:1.25\n    ports:\n      - \"8080:80\"\n"
        + "    labels:\n      note: \"**x**|`y` " + HTML + "\"\n    environment:\n");
    List<Sample> c = SecretCorpus.where("compose");
    c.stream().filter(s -> s.text().startsWith("      ")).forEach(s -> compose.append(s.planted().startsWith("      - ")
        ? s.planted().replaceFirst("^      - ([A-Z_]+)=", "      $1: ") : s.planted()).append('\n'));
    compose.append("  cache:\n    image: redis:7\n");
    c.stream().filter(s -> s.planted().startsWith("    command:")).forEach(s -> compose.append(s.planted()).append('\n'));
    compose.append("    healthcheck:\n");
    c.stream().filter(s -> s.planted().startsWith("      test:")).forEach(s -> compose.append(s.planted()).append('\n'));
    Files.writeString(dir.resolve("docker-compose.yml"), compose.toString().replace("      test:", "      test:"));
    StringBuilder secret = new StringBuilder("apiVersion: v1\nkind: Secret\nmetadata:\n  name: app-secrets\n  namespace: shop\ntype: Opaque\ndata:\n");
    StringBuilder deploy = new StringBuilder("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: \"web|`x`\"\n  namespace: shop\n"
        + "  annotations:\n");
    for (Sample s : SecretCorpus.where("k8s")) {
      if (s.form().startsWith("Secret data") || s.form().equals("dockerconfigjson")) secret.append(s.planted()).append('\n');
    }
    secret.append("stringData:\n");
    SecretCorpus.where("k8s").stream().filter(s -> s.form().startsWith("Secret stringData")).forEach(s -> secret.append(s.planted()).append('\n'));
    SecretCorpus.where("k8s").stream().filter(s -> s.form().startsWith("annotation")).forEach(s -> deploy.append(s.planted()).append('\n'));
    deploy.append("spec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n"
        + "    spec:\n      containers:\n        - name: web\n          image: \"shop/web:1.0\"\n");
    SecretCorpus.where("k8s").stream().filter(s -> s.form().startsWith("container args")).forEach(s -> deploy.append(s.planted()).append('\n'));
    deploy.append("          env:\n            - name: DB_PASSWORD\n");
    SecretCorpus.where("k8s").stream().filter(s -> s.form().equals("env value literal")).forEach(s -> deploy.append("  ").append(s.planted()).append('\n'));
    Files.writeString(dir.resolve("k8s/secret.yaml"), secret);
    Files.writeString(dir.resolve("k8s/deployment.yaml"), deploy);
    StringBuilder tf = new StringBuilder("variable \"db_password\" {\n  type      = string\n  sensitive = true\n");
    SecretCorpus.where("terraform").stream().filter(s -> s.form().equals("sensitive variable default")).forEach(s -> tf.append(s.planted()).append('\n'));
    tf.append("}\n\nprovider \"aws\" {\n  region = \"eu-west-1\"\n");
    SecretCorpus.where("terraform").stream().filter(s -> s.form().startsWith("provider")).forEach(s -> tf.append(s.planted()).append('\n'));
    tf.append("}\n\nresource \"aws_db_instance\" \"db\" {\n  engine = \"postgres\"\n  identifier = \"db|`x`\"\n  username = \"app\"\n");
    SecretCorpus.where("terraform").stream().filter(s -> !s.form().equals("sensitive variable default") && !s.form().startsWith("provider")
        && !s.form().startsWith("api key in tags")).forEach(s -> tf.append(s.planted()).append('\n'));
    tf.append("  tags = {\n    Name = \"**x**|`y` " + HTML.replace("'", "") + "\"\n");
    SecretCorpus.where("terraform").stream().filter(s -> s.form().startsWith("api key in tags")).forEach(s -> tf.append(s.planted()).append('\n'));
    tf.append("  }\n}\n");
    Files.writeString(dir.resolve("main.tf"), tf);
    StringBuilder tfvars = new StringBuilder();
    SecretCorpus.where("tfvars").forEach(s -> tfvars.append(s.planted()).append('\n'));
    Files.writeString(dir.resolve("terraform.tfvars"), tfvars);
    StringBuilder state = new StringBuilder("{\n  \"version\": 4,\n  \"terraform_version\": \"1.7.0\",\n  \"resources\": [\n    {\n"
        + "      \"mode\": \"managed\", \"type\": \"aws_db_instance\", \"name\": \"db\", \"provider\": \"provider[\\\"registry.terraform.io/hashicorp/aws\\\"]\",\n"
        + "      \"instances\": [ { \"attributes\": {\n        \"id\": \"db-1\",\n");
    SecretCorpus.where("tfstate").forEach(s -> state.append("        ").append(s.planted()).append(",\n"));
    state.append("        \"engine\": \"postgres\"\n      } } ]\n    }\n  ]\n}\n");
    Files.writeString(dir.resolve("terraform.tfstate"), state);
    Files.writeString(dir.resolve("x$(touch ${IFS}" + CANARY + "6)|`y`.tf"), "# hostile file name\n");
  }

  private static String nginxServer(String name, List<Sample> samples) {
    StringBuilder sb = new StringBuilder("server {\n    listen 127.0.0.1:8081;\n    server_name " + name + ";\n");
    int i = 0;
    for (Sample s : samples) sb.append("    location /l").append(i++).append(" {\n        ").append(s.planted()).append("\n    }\n");
    return sb.append("    location /h {\n        proxy_pass http://127.0.0.1:9|`x`;\n    }\n}\n").toString();
  }

  private static void proc(Path dir, int n, String cwd, List<byte[]> argv, List<byte[]> env) throws IOException {
    Path p = dir.resolve("procs").resolve(String.format("%03d", n));
    Files.createDirectories(p);
    // tail -F -- FILES... stays alive whatever the other arguments say, and never reads them as options.
    List<byte[]> full = new ArrayList<>();
    full.add(argv.get(0));
    full.add(b("-F"));
    full.add(b("--"));
    full.addAll(argv.subList(1, argv.size()));
    full.add(b("/dev/null"));
    Files.write(p.resolve("argv"), join(full));
    Files.write(p.resolve("env"), join(env));
    Files.writeString(p.resolve("cwd"), cwd);
  }

  private static byte[] join(List<byte[]> parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
      out.write(0);
    }
    return out.toByteArray();
  }

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] bytes(byte[] b) {
    return b;
  }
}
