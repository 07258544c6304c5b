package dev.infradoc.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How a command line, split as ps prints it, is turned into the name a process is known by. */
class ProgramNameTest {

  private static String name(String commandLine) {
    return ProgramName.of(List.of(commandLine.split("\\s+")));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      /usr/bin/python3 -m celery -A proj worker                         | celery
      /usr/bin/python3 -u -m myapp.worker --queue ingest                | myapp.worker
      /usr/bin/python3.11 -X importtime -W ignore -m http.server 8000   | http.server
      """)
  void of_isTheModule_whenPythonRunsWithDashM(String commandLine, String expected) {
    assertThat(name(commandLine)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      /opt/app/venv/bin/python worker.py                                       | worker.py
      /opt/learnchain/venv/bin/python -u /opt/learnchain/queue_worker.py -v    | queue_worker.py
      /usr/bin/python3 -W ignore::DeprecationWarning /opt/app/run.py           | run.py
      /usr/bin/python3 -X dev -OO /opt/app/run.py --port 8000                  | run.py
      /usr/bin/python3 /usr/bin/gunicorn --workers 2 app:app                   | gunicorn
      /usr/bin/python3 /usr/bin/networkd-dispatcher --run-startup-triggers     | networkd-dispatcher
      """)
  void of_isTheScript_whenPythonRunsAScriptWithOptions(String commandLine, String expected) {
    assertThat(name(commandLine)).isEqualTo(expected);
  }

  @Test
  void of_isTheInterpreter_whenPythonRunsInlineCode() {
    assertThat(name("/usr/bin/python3 -c from multiprocessing.resource_tracker import main;main(9)"))
        .isEqualTo("python3");
    assertThat(name("/usr/bin/python3")).isEqualTo("python3");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      java -Xmx1g -jar /opt/api/api-1.4.2.jar                                     | api-1.4.2.jar
      java -Dspring.profiles.active=prod -jar /opt/orders/orders.jar --port 8080  | orders.jar
      """)
  void of_isTheJar_whenJavaRunsDashJar(String commandLine, String expected) {
    assertThat(name(commandLine)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      /usr/lib/jvm/java-17-openjdk-amd64/bin/java -cp /opt/app/lib/* com.example.billing.Main                 | com.example.billing.Main
      java -Xms1G -classpath /a.jar:/b.jar -Dx=y org.apache.catalina.startup.Bootstrap start                  | org.apache.catalina.startup.Bootstrap
      java --class-path /opt/kafka/libs/* --add-opens java.base/java.lang=ALL-UNNAMED kafka.Kafka server.properties | kafka.Kafka
      java --module-path /usr/share/elasticsearch/lib --add-modules=jdk.net -m org.elasticsearch.server/org.elasticsearch.bootstrap.Elasticsearch | org.elasticsearch.bootstrap.Elasticsearch
      java --module=com.example.app/com.example.app.Main                                                       | com.example.app.Main
      java -version                                                                                            | java
      """)
  void of_isTheMainClass_whenJavaRunsAClass(String commandLine, String expected) {
    assertThat(name(commandLine)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      node /opt/app/server.js                                                         | server.js
      /root/.nvm/versions/node/v20.11.0/bin/node --max-old-space-size=4096 dist/main.js | main.js
      /usr/bin/node -r dotenv/config /srv/api/index.js                                 | index.js
      /usr/bin/nodejs --require ./tracing.js app.js                                     | app.js
      node -e setInterval(()=>{},1000)                                                  | node
      """)
  void of_isTheScript_whenNodeRunsAScript(String commandLine, String expected) {
    assertThat(name(commandLine)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      /usr/bin/php8.2 -d memory_limit=512M /var/www/app/artisan horizon                           | artisan
      php -c /etc/php/8.2/cli/php.ini /var/www/app/bin/console messenger:consume                 | console
      /opt/td-agent/bin/ruby -Eascii-8bit:ascii-8bit /opt/td-agent/bin/fluentd --log /x.log      | fluentd
      /usr/bin/ruby3.1 -I lib /srv/app/bin/consumer                                               | consumer
      /usr/bin/perl -wT /usr/sbin/munin-node --foreground                                         | munin-node
      """)
  void of_isTheScript_whenPhpRubyOrPerlRunWithOptions(String commandLine, String expected) {
    assertThat(name(commandLine)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      -bash                  | bash
      -zsh                   | zsh
      /bin/bash --login      | bash
      """)
  void of_isTheShell_forALoginShell(String commandLine, String expected) {
    assertThat(name(commandLine)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      nginx: worker process                                                        | nginx
      nginx: master process /usr/sbin/nginx -g daemon on; master_process on;       | nginx
      postgres: 15/main: checkpointer                                              | postgres
      sshd: root@notty                                                             | sshd
      sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups                      | sshd
      php-fpm: pool www                                                            | php-fpm
      """)
  void of_isTheProgram_whenItRetitledItself(String commandLine, String expected) {
    assertThat(name(commandLine)).isEqualTo(expected);
  }

  @Test
  void of_dropsSystemdsAtPrefix_fromArgvZero() {
    assertThat(name("@dbus-daemon --system --address=systemd: --nofork --nopidfile")).isEqualTo("dbus-daemon");
  }

  @Test
  void of_isTheAssembly_whenDotnetRunsADll() {
    assertThat(name("/usr/bin/dotnet /opt/shop/Shop.Api.dll --urls http://127.0.0.1:5000")).isEqualTo("Shop.Api.dll");
    assertThat(name("dotnet run --project src/Api")).isEqualTo("dotnet");
  }

  @Test
  void binary_isTheInterpreter_notTheScript() {
    assertThat(ProgramName.binary(List.of("/usr/bin/python3.11", "/opt/app/run.py"))).isEqualTo("python3.11");
    assertThat(ProgramName.binary(List.of())).isEmpty();
    assertThat(ProgramName.of(List.of())).isEmpty();
  }
}
