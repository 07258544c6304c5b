package dev.infradoc.collect.host.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.infradoc.collect.CollectEvents;
import dev.infradoc.collect.CollectOptions;
import dev.infradoc.collect.CollectionException;
import dev.infradoc.collect.CollectionException.Category;
import dev.infradoc.collect.Target;
import dev.infradoc.collect.host.LocalShell;
import dev.infradoc.collect.host.ShellResult;
import dev.infradoc.testing.TestSshd;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SshConnector and SshShell against a real OpenSSH server on loopback. */
class SshConnectorIT {
  private static final Duration CONNECT = Duration.ofSeconds(5);
  private static final Duration COMMAND = Duration.ofSeconds(20);

  @TempDir static Path serverDir;
  static TestSshd sshd;

  @TempDir Path home;
  Path sshDir;
  Path knownHosts;
  Map<String, String> vars;
  List<String> phases;

  @BeforeAll
  static void startServer() throws Exception {
    sshd = TestSshd.start(serverDir, new TestSshd.Settings(true, List.of("ed25519", "rsa")));
  }

  @AfterAll
  static void stopServer() {
    if (sshd != null) sshd.close();
  }

  @BeforeEach
  void freshHome() throws IOException {
    sshDir = Files.createDirectories(home.resolve(".ssh"));
    knownHosts = sshDir.resolve("known_hosts");
    vars = new HashMap<>();
    phases = new CopyOnWriteArrayList<>();
  }

  private SshEnvironment env() {
    return new SshEnvironment(sshDir, sshDir.resolve("config"), vars::get);
  }

  private CollectOptions options(Path identity, boolean acceptNew) {
    return new CollectOptions(Optional.ofNullable(identity), Optional.of(knownHosts), acceptNew, CONNECT, COMMAND,
        false, Optional.empty(), List.of());
  }

  private CollectEvents events() {
    return new CollectEvents() {
      @Override
      public void phase(Target target, String phase, long millis) {
        phases.add(phase);
      }
    };
  }

  private Target server() {
    return Target.parse("ssh://root@127.0.0.1:" + sshd.port());
  }

  private SshShell open(Path identity) throws CollectionException {
    return SshConnector.open(server(), options(identity, false), events(), env());
  }

  private CollectionException openFails(Target target, CollectOptions options) {
    return catchThrowableOfType(() -> SshConnector.open(target, options, events(), env()).close(),
        CollectionException.class);
  }

  private void knowServer() throws IOException {
    Files.writeString(knownHosts, sshd.knownHostsLine("ed25519"));
  }

  private String where() {
    return "127.0.0.1:" + sshd.port();
  }

  @Test
  void run_returnsStdoutStderrStdinAndExitCode_twiceOnOneConnection() throws Exception {
    knowServer();
    int loginsBefore = count(sshd.log(), "Accepted publickey for root");
    try (SshShell shell = open(sshd.clientKey("ed25519"))) {
      ShellResult first = shell.run("printf 'arg:%s\\n' \"$1\"; cat; echo oops >&2; exit 3",
          List.of("a'b c"), "from stdin\n", COMMAND);
      ShellResult second = shell.run("echo \"$0\" round two", List.of(), "", COMMAND);

      assertThat(first.stdout()).isEqualTo("arg:a'b c\nfrom stdin\n");
      assertThat(first.stderr()).isEqualTo("oops\n");
      assertThat(first.exitCode()).isEqualTo(3);
      assertThat(first.truncated()).isFalse();
      assertThat(second.stdout()).isEqualTo("infradoc round two\n");
      assertThat(second.exitCode()).isZero();
      assertThat(shell.describe()).isEqualTo("root@127.0.0.1:" + sshd.port());
    }
    assertThat(phases).containsExactly("connect", "auth");
    assertThat(count(sshd.log(), "Accepted publickey for root")).isEqualTo(loginsBefore + 1);
  }

  @Test
  void run_givesTheSameOutputAsLocalShell_forAScriptFullOfQuotes() throws Exception {
    knowServer();
    String script = "printf '%s|' \"it's\" '$HOME' 'back\\slash' \"$#\" \"$@\"\nprintf '\\n'\n"
        + "test \"$(cat)\" = 'multi\nline' && echo stdin-ok";
    List<String> args = List.of("x'y", "$(id)", "*", "");
    String stdin = "multi\nline";
    ShellResult local = new LocalShell(false).run(script, args, stdin, COMMAND);
    try (SshShell shell = open(sshd.clientKey("ed25519"))) {
      ShellResult remote = shell.run(script, args, stdin, COMMAND);
      assertThat(remote.stdout()).isEqualTo(local.stdout());
      assertThat(remote.stdout()).contains("it's|$HOME|back\\slash|4|x'y|$(id)|*||").contains("stdin-ok");
      assertThat(remote.exitCode()).isEqualTo(local.exitCode()).isZero();
    }
  }

  @Test
  void open_logsInWithRsaKey() throws Exception {
    knowServer();
    try (SshShell shell = open(sshd.clientKey("rsa"))) {
      assertThat(shell.run("id -un", List.of(), "", COMMAND).stdout()).isEqualTo("root\n");
    }
  }

  @Test
  void open_usesDefaultIdentity_whenNoneIsGiven() throws Exception {
    knowServer();
    Files.copy(sshd.clientKey("ed25519"), sshDir.resolve("id_ed25519"));
    try (SshShell shell = open(null)) {
      assertThat(shell.run("echo ok", List.of(), "", COMMAND).stdout()).isEqualTo("ok\n");
    }
  }

  @Test
  void open_failsWithHostKeyUnknown_whenKnownHostsLacksTheHost() throws Exception {
    CollectionException e = openFails(server(), options(sshd.clientKey("ed25519"), false));

    assertThat(e.category()).isEqualTo(Category.HOST_KEY_UNKNOWN);
    assertThat(e.getMessage()).isEqualTo(where() + ": host key not known (ED25519 " + sshd.fingerprint("ed25519") + ")");
    assertThat(e.hint()).contains("ssh-keyscan -p " + sshd.port() + " 127.0.0.1 >> " + knownHosts)
        .contains("--accept-new-host-keys");
    assertThat(knownHosts).doesNotExist();
  }

  @Test
  void open_recordsTheKey_whenAcceptNew_andTheNextConnectNeedsNoFlag() throws Exception {
    SshConnector.open(server(), options(sshd.clientKey("ed25519"), true), events(), env()).close();

    assertThat(Files.readString(knownHosts)).isEqualTo(sshd.knownHostsLine("ed25519"));
    try (SshShell shell = open(sshd.clientKey("ed25519"))) {
      assertThat(shell.run("echo again", List.of(), "", COMMAND).stdout()).isEqualTo("again\n");
    }
    assertThat(Files.readString(knownHosts)).isEqualTo(sshd.knownHostsLine("ed25519"));
  }

  @Test
  void open_failsWithHostKeyChanged_evenWithAcceptNew() throws Exception {
    Path other = home.resolve("other_host_key");
    TestSshd.keygen("ed25519", other, "");
    String[] pub = Files.readString(other.resolveSibling("other_host_key.pub")).split("\\s+");
    String line = "[127.0.0.1]:" + sshd.port() + " " + pub[0] + " " + pub[1] + "\n";
    Files.writeString(knownHosts, line);

    CollectionException e = openFails(server(), options(sshd.clientKey("ed25519"), true));

    assertThat(e.category()).isEqualTo(Category.HOST_KEY_CHANGED);
    assertThat(e.getMessage()).startsWith(where() + ": host key CHANGED")
        .contains(sshd.fingerprint("ed25519"));
    assertThat(e.hint()).contains("ssh-keygen -R [127.0.0.1]:" + sshd.port());
    assertThat(Files.readString(knownHosts)).isEqualTo(line);
  }

  @Test
  void open_asksForTheKnownKeyType_whenKnownHostsHasOnlyTheRsaKey() throws Exception {
    Files.writeString(knownHosts, sshd.knownHostsLine("rsa"));
    try (SshShell shell = open(sshd.clientKey("ed25519"))) {
      assertThat(shell.run("echo rsa-known", List.of(), "", COMMAND).stdout()).isEqualTo("rsa-known\n");
    }
    assertThat(Files.readString(knownHosts)).isEqualTo(sshd.knownHostsLine("rsa"));
  }

  @Test
  void open_failsWithAuthRefused_listingWhatWasTried_whenTheKeyIsNotAuthorized() throws Exception {
    knowServer();
    Path stranger = home.resolve("stranger");
    TestSshd.keygen("ed25519", stranger, "");

    CollectionException e = openFails(server(), options(stranger, false));

    assertThat(e.category()).isEqualTo(Category.AUTH_REFUSED);
    assertThat(e.getMessage()).isEqualTo(where() + ": login as root refused (tried publickey with " + stranger
        + " (ED25519))");
    assertThat(e.hint()).contains("authorized_keys");
  }

  @Test
  void open_failsWithConnectionRefused_whenNothingListens() throws Exception {
    int port = TestSshd.freePort();
    knowServer();

    CollectionException e = openFails(Target.parse("root@127.0.0.1:" + port), options(sshd.clientKey("ed25519"), false));

    assertThat(e.category()).isEqualTo(Category.CONNECTION_REFUSED);
    assertThat(e.getMessage()).isEqualTo("127.0.0.1:" + port + ": connection refused");
    assertThat(e.hint()).contains("port " + port);
  }

  @Test
  void open_failsWithConnectTimeout_whenThePortNeverSpeaksSsh() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      List<Socket> held = new ArrayList<>();
      CompletableFuture<Void> acceptor = CompletableFuture.runAsync(() -> {
        try {
          held.add(silent.accept());
        } catch (IOException e) {
          // closed at the end of the test
        }
      });
      CollectOptions quick = new CollectOptions(Optional.of(sshd.clientKey("ed25519")), Optional.of(knownHosts),
          false, Duration.ofSeconds(2), COMMAND, false, Optional.empty(), List.of());
      long start = System.nanoTime();

      CollectionException e = openFails(Target.parse("root@127.0.0.1:" + silent.getLocalPort()), quick);

      long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
      assertThat(e.category()).isEqualTo(Category.CONNECT_TIMEOUT);
      assertThat(e.getMessage()).isEqualTo("127.0.0.1:" + silent.getLocalPort()
          + ": connected, but the SSH handshake did not finish within 2 s");
      assertThat(seconds).isLessThan(5);
      acceptor.cancel(true);
      for (Socket s : held) s.close();
    }
  }

  @Test
  void open_failsWithNameNotResolved_forAnInvalidName() {
    CollectionException e = openFails(Target.parse("root@no-such-host.invalid"),
        options(sshd.clientKey("ed25519"), false));

    assertThat(e.category()).isEqualTo(Category.NAME_NOT_RESOLVED);
    assertThat(e.getMessage()).startsWith("no-such-host.invalid:22: the host name d");
  }

  @Test
  void run_failsWithCommandTimeout_andTheConnectionStaysUsable() throws Exception {
    knowServer();
    try (SshShell shell = open(sshd.clientKey("ed25519"))) {
      long start = System.nanoTime();
      CollectionException e = catchThrowableOfType(
          () -> shell.run("sleep 8", List.of(), "", Duration.ofSeconds(1)), CollectionException.class);
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

      assertThat(e.category()).isEqualTo(Category.COMMAND_TIMEOUT);
      assertThat(e.getMessage()).isEqualTo(where() + ": the probe did not finish within 1 s");
      assertThat(millis).isBetween(900L, 4000L);
      assertThat(shell.run("echo still here", List.of(), "", COMMAND).stdout()).isEqualTo("still here\n");
    }
  }

  @Test
  void run_failsWithConnectionDropped_whenTheServerSessionDies() throws Exception {
    knowServer();
    try (SshShell shell = open(sshd.clientKey("ed25519"))) {
      CompletableFuture<ShellResult> running = CompletableFuture.supplyAsync(() -> {
        try {
          return shell.run("echo started; sleep 30", List.of(), "", COMMAND);
        } catch (CollectionException e) {
          throw new java.util.concurrent.CompletionException(e);
        }
      });
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (ProcessHandle.of(sshd.pid()).orElseThrow().descendants()
          .noneMatch(p -> p.info().command().orElse("").endsWith("sleep"))) {
        assertThat(System.nanoTime()).isLessThan(deadline);
        Thread.sleep(50);
      }
      long start = System.nanoTime();
      sshd.killSessions();

      Throwable failure = catchThrowableOfType(running::join, java.util.concurrent.CompletionException.class).getCause();

      assertThat(failure).isInstanceOf(CollectionException.class);
      CollectionException e = (CollectionException) failure;
      assertThat(e.category()).isEqualTo(Category.CONNECTION_DROPPED);
      assertThat(e.getMessage()).isEqualTo(where() + ": the connection dropped while the probe ran");
      assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(5);
    }
  }

  @Test
  void open_resolvesAnAliasFromSshConfig() throws Exception {
    knowServer();
    Files.writeString(sshDir.resolve("config"), "Host web01\n  HostName 127.0.0.1\n  Port " + sshd.port()
        + "\n  User root\n  IdentityFile " + sshd.clientKey("ed25519") + "\n");
    try (SshShell shell = SshConnector.open(Target.parse("web01"), options(null, false), events(), env())) {
      assertThat(shell.describe()).isEqualTo("root@web01:" + sshd.port());
      assertThat(shell.run("echo via alias", List.of(), "", COMMAND).stdout()).isEqualTo("via alias\n");
    }
  }

  @Test
  void open_namesAliasAndAddress_whenTheAliasPointsAtAClosedPort() throws Exception {
    int port = TestSshd.freePort();
    Files.writeString(sshDir.resolve("config"), "Host web02\n  HostName 127.0.0.1\n  Port " + port + "\n");

    CollectionException e = openFails(Target.parse("web02"), options(sshd.clientKey("ed25519"), false));

    assertThat(e.category()).isEqualTo(Category.CONNECTION_REFUSED);
    assertThat(e.getMessage()).isEqualTo("web02 (127.0.0.1:" + port + "): connection refused");
  }

  @Test
  void open_connectsThroughProxyJump() throws Exception {
    knowServer();
    Path key = sshd.clientKey("ed25519");
    Files.writeString(sshDir.resolve("config"), "Host jump\n  HostName 127.0.0.1\n  Port " + sshd.port()
        + "\n  User root\n  IdentityFile " + key + "\n"
        + "Host inner\n  HostName 127.0.0.1\n  Port " + sshd.port() + "\n  User root\n  ProxyJump jump\n");
    int loginsBefore = count(sshd.log(), "Accepted publickey for root");
    try (SshShell shell = SshConnector.open(Target.parse("inner"), options(key, false), events(), env())) {
      assertThat(shell.run("echo jumped", List.of(), "", COMMAND).stdout()).isEqualTo("jumped\n");
    }
    assertThat(count(sshd.log(), "Accepted publickey for root")).isEqualTo(loginsBefore + 2);
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) n++;
    return n;
  }

  @Test
  void open_decryptsAnEncryptedKey_withThePassphraseFromTheEnvironment() throws Exception {
    knowServer();
    Path locked = home.resolve("locked");
    TestSshd.keygen("ed25519", locked, "correct horse");
    sshd.authorize(locked.resolveSibling("locked.pub"));
    vars.put("INFRADOC_KEY_PASSPHRASE", "correct horse");

    try (SshShell shell = open(locked)) {
      assertThat(shell.run("echo unlocked", List.of(), "", COMMAND).stdout()).isEqualTo("unlocked\n");
    }
  }

  @Test
  void open_failsWithLocalSetup_whenAnEncryptedKeyHasNoPassphrase() throws Exception {
    knowServer();
    Path locked = home.resolve("locked");
    TestSshd.keygen("ed25519", locked, "correct horse");

    CollectionException e = openFails(server(), options(locked, false));

    assertThat(e.category()).isEqualTo(Category.LOCAL_SETUP);
    assertThat(e.getMessage()).isEqualTo(where() + ": cannot use --identity: " + locked
        + " is encrypted and INFRADOC_KEY_PASSPHRASE is not set");
  }

  @Test
  void open_failsWithLocalSetup_whenThereIsNothingToLogInWith() {
    CollectionException e = openFails(server(), options(null, false));

    assertThat(e.category()).isEqualTo(Category.LOCAL_SETUP);
    assertThat(e.getMessage()).startsWith(where() + ": nothing to log in with: no key in " + sshDir);
  }

  @Test
  void open_logsInWithAKeyFromSshAgent() throws Exception {
    knowServer();
    Path socket = home.resolve("agent.sock");
    Process agent = new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString())
        .redirectErrorStream(true).redirectOutput(home.resolve("agent.log").toFile()).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (!Files.exists(socket)) {
        assertThat(System.nanoTime()).isLessThan(deadline);
        Thread.sleep(20);
      }
      ProcessBuilder add = new ProcessBuilder("ssh-add", sshd.clientKey("rsa").toString()).redirectErrorStream(true);
      add.environment().put("SSH_AUTH_SOCK", socket.toString());
      Process adding = add.start();
      adding.getInputStream().readAllBytes();
      assertThat(adding.waitFor()).isZero();
      vars.put("SSH_AUTH_SOCK", socket.toString());

      try (SshShell shell = open(null)) {
        assertThat(shell.run("echo agent", List.of(), "", COMMAND).stdout()).isEqualTo("agent\n");
      }
    } finally {
      agent.destroy();
      agent.waitFor(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void open_logsInWithThePasswordFromTheEnvironment_andNamesItWhenRefused() throws Exception {
    knowServer();
    String user = "infradoc-pw" + ProcessHandle.current().pid();
    TestSshd.run(List.of("useradd", "-M", "-d", "/nonexistent", "-s", "/bin/sh", user));
    try {
      Process chpasswd = new ProcessBuilder("chpasswd").start();
      chpasswd.getOutputStream().write((user + ":s3cret-pw\n").getBytes());
      chpasswd.getOutputStream().close();
      assertThat(chpasswd.waitFor()).isZero();
      Target target = Target.parse(user + "@127.0.0.1:" + sshd.port());
      vars.put("INFRADOC_SSH_PASSWORD", "s3cret-pw");

      try (SshShell shell = SshConnector.open(target, options(null, false), events(), env())) {
        assertThat(shell.run("id -un", List.of(), "", COMMAND).stdout()).isEqualTo(user + "\n");
      }

      vars.put("INFRADOC_SSH_PASSWORD", "wrong");
      CollectionException e = openFails(target, options(null, false));
      assertThat(e.category()).isEqualTo(Category.AUTH_REFUSED);
      assertThat(e.getMessage()).isEqualTo(where() + ": login as " + user
          + " refused (tried password from $INFRADOC_SSH_PASSWORD)");
    } finally {
      TestSshd.run(List.of("userdel", user));
    }
  }

  @Test
  void run_prefixesSudo_whenOptionsAskForIt() throws Exception {
    knowServer();
    CollectOptions sudo = new CollectOptions(Optional.of(sshd.clientKey("ed25519")), Optional.of(knownHosts), false,
        CONNECT, COMMAND, true, Optional.empty(), List.of());
    try (SshShell plain = open(sshd.clientKey("ed25519"));
        SshShell elevated = SshConnector.open(server(), sudo, events(), env())) {
      assertThat(plain.run("echo \"[$SUDO_USER]\"", List.of(), "", COMMAND).stdout()).isEqualTo("[]\n");
      assertThat(elevated.run("echo \"[$SUDO_USER]\"", List.of(), "", COMMAND).stdout()).isEqualTo("[root]\n");
    }
  }

  @Test
  void run_deliversLargeStdin_andFinishes_whenTheScriptIgnoresStdin() throws Exception {
    knowServer();
    String big = "x".repeat(3 * 1024 * 1024);
    try (SshShell shell = open(sshd.clientKey("ed25519"))) {
      assertThat(shell.run("wc -c", List.of(), big, COMMAND).stdout().trim()).isEqualTo(String.valueOf(big.length()));
      ShellResult ignoring = shell.run("echo done", List.of(), big, COMMAND);
      assertThat(ignoring.stdout()).isEqualTo("done\n");
      assertThat(ignoring.exitCode()).isZero();
    }
  }

  @Test
  void open_acceptsAHashedKnownHostsEntry() throws Exception {
    knowServer();
    TestSshd.run(List.of("ssh-keygen", "-q", "-H", "-f", knownHosts.toString()));
    assertThat(Files.readString(knownHosts)).startsWith("|1|").doesNotContain("127.0.0.1");
    try (SshShell shell = open(sshd.clientKey("ed25519"))) {
      assertThat(shell.run("echo hashed", List.of(), "", COMMAND).stdout()).isEqualTo("hashed\n");
    }
  }

  @Test
  void open_failsWithHostKeyUnknown_whenKnownHostsListsOnlyAnotherPort() throws Exception {
    Files.writeString(knownHosts, sshd.knownHostsLine("ed25519").replace(":" + sshd.port() + " ", ":1 "));

    CollectionException e = openFails(server(), options(sshd.clientKey("ed25519"), false));

    assertThat(e.category()).isEqualTo(Category.HOST_KEY_UNKNOWN);
    assertThat(e.getMessage()).startsWith(where() + ": host key not known");
  }
}
