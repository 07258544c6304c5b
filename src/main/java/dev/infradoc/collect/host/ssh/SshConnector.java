package dev.infradoc.collect.host.ssh;

import dev.infradoc.collect.CollectEvents;
import dev.infradoc.collect.CollectOptions;
import dev.infradoc.collect.CollectionException;
import dev.infradoc.collect.CollectionException.Category;
import dev.infradoc.collect.Target;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.auth.keyboard.UserAuthKeyboardInteractiveFactory;
import org.apache.sshd.client.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.client.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.client.config.hosts.ConfigFileHostEntryResolver;
import org.apache.sshd.client.config.hosts.HostConfigEntry;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.future.ConnectFuture;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.common.signature.Signature;
import org.apache.sshd.common.util.OsUtils;
import org.apache.sshd.core.CoreModuleProperties;

/**
 * Opens the one SSH connection a host scan uses: ssh_config, keys, agent and password are resolved
 * the way OpenSSH would, the host key is checked against known_hosts, and every failure becomes one
 * {@link CollectionException} line that names the host and port and says what to do.
 */
public final class SshConnector {
  private SshConnector() {}

  /** Connects and logs in with the user's real {@code ~/.ssh} and environment. */
  public static SshShell open(Target target, CollectOptions options, CollectEvents events)
      throws CollectionException {
    return open(target, options, events, SshEnvironment.fromSystem());
  }

  /** Connects and logs in; {@code env} says where ssh_config, default keys and known_hosts are. */
  public static SshShell open(Target target, CollectOptions options, CollectEvents events, SshEnvironment env)
      throws CollectionException {
    HostConfigEntry entry = resolve(target, env);
    String host = entry.getHostName();
    int port = entry.getPort();
    String where = host.equals(target.host()) ? host + ":" + port : target.host() + " (" + host + ":" + port + ")";
    String description = entry.getUsername() + "@" + target.host() + ":" + port;
    boolean viaJump = entry.getProxyJump() != null && !entry.getProxyJump().isBlank();
    Duration timeout = options.connectTimeout();

    Login login = Login.prepare(entry, options, env, where);
    entry.setIdentities(List.of()); // read by Login already; MINA must not read them again
    entry.setIdentitiesOnly(false); // so the session uses the keys Login read (client level)

    Path knownHosts = options.knownHosts().orElse(env.defaultKnownHosts());
    HostKeyCheck hostKeys = new HostKeyCheck(knownHosts, options.acceptNewHostKeys(),
        message -> events.detail(target, message));
    SshClient client = client(env, options, login, hostKeys, hostKeys.knownTypes(host, port));
    client.start();
    boolean opened = false;
    try {
      long start = System.nanoTime();
      if (!viaJump) checkResolves(host, where, port, timeout);
      ClientSession session = connect(client, entry, where, port, timeout, hostKeys);
      long connected = System.nanoTime();
      events.phase(target, "connect", TimeUnit.NANOSECONDS.toMillis(connected - start));
      login.authenticate(session, timeout);
      events.phase(target, "auth", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - connected));
      opened = true;
      return new SshShell(client, session, description, where, options.sudo());
    } catch (RuntimeException e) {
      // MINA reports some protocol failures unchecked; they still belong to this target only
      throw new CollectionException(Category.OTHER, where + ": SSH failed: " + ConnectFailure.describe(e),
          "run ssh -v with the same target to compare", e);
    } finally {
      if (!opened) client.stop();
    }
  }

  /** The effective ssh_config entry: target values win, then the config file, then OpenSSH defaults. */
  private static HostConfigEntry resolve(Target target, SshEnvironment env) throws CollectionException {
    String user = target.user().isEmpty() ? null : target.user();
    HostConfigEntry entry;
    try {
      HostConfigEntryResolver resolver = Files.isRegularFile(env.configFile())
          ? new ConfigFileHostEntryResolver(env.configFile()) : HostConfigEntryResolver.EMPTY;
      entry = resolver.resolveEffectiveHost(target.host(), target.port(), null, user, null, null);
    } catch (IOException | RuntimeException e) {
      throw new CollectionException(Category.LOCAL_SETUP,
          target.display() + ": cannot read " + env.configFile() + ": " + ConnectFailure.describe(e),
          "fix the ssh config file", e);
    }
    if (entry == null) entry = new HostConfigEntry(target.host(), target.host(), target.port(), user);
    if (entry.getHostName() == null || entry.getHostName().isEmpty()) entry.setHostName(target.host());
    if (entry.getPort() <= 0) entry.setPort(22);
    if (entry.getUsername() == null || entry.getUsername().isEmpty()) entry.setUsername(OsUtils.getCurrentUser());
    return entry;
  }

  private static SshClient client(SshEnvironment env, CollectOptions options, Login login, HostKeyCheck hostKeys,
      Set<String> knownTypes) {
    SshClient client = SshClient.setUpDefaultClient();
    client.setServerKeyVerifier(hostKeys);
    // ProxyJump hops are resolved by MINA itself, through the same config file.
    client.setHostConfigEntryResolver(Files.isRegularFile(env.configFile())
        ? new ConfigFileHostEntryResolver(env.configFile()) : HostConfigEntryResolver.EMPTY);
    client.setKeyIdentityProvider(KeyIdentityProvider.wrapKeyPairs(login.keys()));
    client.setFilePasswordProvider(
        FilePasswordProvider.of(env.variable(SshEnvironment.PASSPHRASE_VARIABLE)));
    if (login.agent() != null) client.setAgentFactory(AgentSocket.factory(login.agent()));
    client.setUserAuthFactories(login.password() == null
        ? List.of(UserAuthPublicKeyFactory.INSTANCE)
        : List.of(UserAuthPublicKeyFactory.INSTANCE, UserAuthKeyboardInteractiveFactory.INSTANCE,
            UserAuthPasswordFactory.INSTANCE));
    client.setSignatureFactories(hostKeyOrder(client.getSignatureFactories(), knownTypes));
    CoreModuleProperties.IO_CONNECT_TIMEOUT.set(client, options.connectTimeout());
    CoreModuleProperties.AUTH_TIMEOUT.set(client, options.connectTimeout().plusSeconds(5));
    // The probe may be silent for minutes; liveness comes from keepalives, not from traffic.
    CoreModuleProperties.IDLE_TIMEOUT.set(client, Duration.ofDays(1));
    CoreModuleProperties.HEARTBEAT_INTERVAL.set(client, Duration.ofSeconds(15));
    CoreModuleProperties.HEARTBEAT_NO_REPLY_MAX.set(client, 4);
    return client;
  }

  /**
   * Host key algorithms in OpenSSH's order (ED25519, ECDSA, RSA), but types known_hosts already lists
   * for this host first: like OpenSSH, so a host known by its RSA key is not reported as "changed"
   * just because it also has an ED25519 key.
   */
  static List<NamedFactory<Signature>> hostKeyOrder(List<NamedFactory<Signature>> factories, Set<String> known) {
    List<NamedFactory<Signature>> ordered = new ArrayList<>(factories);
    ordered.sort(Comparator
        .comparingInt((NamedFactory<Signature> f) -> known.contains(KeyUtils.getCanonicalKeyType(f.getName())) ? 0 : 1)
        .thenComparingInt(f -> family(f.getName())));
    return ordered;
  }

  private static int family(String algorithm) {
    if (algorithm.contains("ed25519")) return 0;
    if (algorithm.contains("ecdsa")) return 1;
    if (algorithm.contains("rsa")) return 2;
    return 3;
  }

  /** A lookup that cannot hang past the connect timeout, and says "does not resolve" plainly. */
  private static void checkResolves(String host, String where, int port, Duration timeout) throws CollectionException {
    CompletableFuture<InetAddress[]> lookup = CompletableFuture.supplyAsync(() -> {
      try {
        return InetAddress.getAllByName(host);
      } catch (UnknownHostException e) {
        throw new java.util.concurrent.CompletionException(e);
      }
    });
    try {
      lookup.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw ConnectFailure.of(where, port, e.getCause());
    } catch (TimeoutException e) {
      throw new CollectionException(Category.NAME_NOT_RESOLVED,
          where + ": the host name did not resolve within " + timeout.toSeconds() + " s",
          "check DNS (/etc/resolv.conf) or use an address", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CollectionException(Category.OTHER, where + ": interrupted", "", e);
    }
  }

  /** TCP connect, then the key exchange and host key check, each within the connect timeout. */
  private static ClientSession connect(SshClient client, HostConfigEntry entry, String where, int port,
      Duration timeout, HostKeyCheck hostKeys) throws CollectionException {
    ConnectFuture future;
    try {
      future = client.connect(entry, null, null);
      if (!future.await(timeout)) {
        future.cancel();
        if (hostKeys.failure() != null) throw hostKeys.failure();
        throw ConnectFailure.noAnswer(where, port, timeout);
      }
    } catch (IOException | RuntimeException e) {
      throw ConnectFailure.of(where, port, e);
    }
    if (!future.isConnected()) {
      if (hostKeys.failure() != null) throw hostKeys.failure();
      throw ConnectFailure.of(where, port, future.getException());
    }
    ClientSession session = future.getClientSession();
    // waited for in a loop: MINA's waitFor may return before its timeout (see SshShell)
    long deadline = System.nanoTime() + timeout.toNanos();
    Set<ClientSession.ClientSessionEvent> state;
    do {
      state = session.waitFor(
          EnumSet.of(ClientSession.ClientSessionEvent.WAIT_AUTH, ClientSession.ClientSessionEvent.CLOSED),
          Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
    } while (!state.contains(ClientSession.ClientSessionEvent.WAIT_AUTH)
        && !state.contains(ClientSession.ClientSessionEvent.CLOSED) && System.nanoTime() < deadline);
    if (hostKeys.failure() != null) {
      session.close(true);
      throw hostKeys.failure();
    }
    if (state.contains(ClientSession.ClientSessionEvent.CLOSED)) {
      throw ConnectFailure.handshakeClosed(where, null);
    }
    if (!state.contains(ClientSession.ClientSessionEvent.WAIT_AUTH)) {
      session.close(true);
      throw ConnectFailure.handshakeTimeout(where, timeout);
    }
    return session;
  }
}
