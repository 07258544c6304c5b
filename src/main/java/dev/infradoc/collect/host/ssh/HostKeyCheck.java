package dev.infradoc.collect.host.ssh;

import dev.infradoc.collect.CollectionException;
import dev.infradoc.collect.CollectionException.Category;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.client.config.hosts.KnownHostHashValue;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.client.session.ClientSessionCreator;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.util.net.SshdSocketAddress;

/**
 * Checks server host keys against a known_hosts file the way OpenSSH does with {@code
 * StrictHostKeyChecking yes} (or {@code accept-new}): a known key passes, an unknown one fails (or is
 * recorded), a changed or revoked one always fails. Why it failed is kept for the error message.
 */
final class HostKeyCheck implements ServerKeyVerifier {
  /** Several scans may append to the same file at once. */
  private static final Object WRITE_LOCK = new Object();

  private final Path knownHosts;
  private final boolean acceptNew;
  private final Consumer<String> detail;
  private volatile CollectionException failure;

  HostKeyCheck(Path knownHosts, boolean acceptNew, Consumer<String> detail) {
    this.knownHosts = knownHosts;
    this.acceptNew = acceptNew;
    this.detail = detail;
  }

  /** Why the last rejected key was rejected, or null when none was. */
  CollectionException failure() {
    return failure;
  }

  @Override
  public boolean verifyServerKey(ClientSession session, SocketAddress remote, PublicKey key) {
    SshdSocketAddress server = serverName(session, remote);
    String host = server.getHostName();
    int port = server.getPort();
    try {
      return check(host, port, key);
    } catch (IOException | RuntimeException e) {
      failure = new CollectionException(Category.LOCAL_SETUP,
          host + ":" + port + ": cannot use " + knownHosts + ": " + e.getMessage(),
          "fix or remove the unreadable line, or pass --known-hosts FILE", e);
      return false;
    }
  }

  /**
   * The name the user connected to, which is what known_hosts lists: the HostName after ssh_config,
   * or the final host behind a ProxyJump (whose socket peer is only a local forwarding port).
   */
  private static SshdSocketAddress serverName(ClientSession session, SocketAddress remote) {
    SshdSocketAddress target = session.getAttribute(ClientSessionCreator.TARGET_SERVER);
    if (target != null) return target;
    SocketAddress connect = session.getConnectAddress();
    SocketAddress address = connect != null ? connect : remote;
    if (address instanceof InetSocketAddress inet) {
      return new SshdSocketAddress(inet.getHostString(), inet.getPort());
    }
    return SshdSocketAddress.toSshdSocketAddress(address);
  }

  private boolean check(String host, int port, PublicKey key) throws IOException {
    String type = KeyUtils.getKeyType(key);
    String seen = label(type) + " " + KeyUtils.getFingerPrint(key);
    String where = host + ":" + port;
    List<KnownKey> known = knownKeys(host, port);
    boolean revoked = known.stream().anyMatch(k -> k.revoked() && KeyUtils.compareKeys(k.key(), key));
    if (revoked) {
      failure = new CollectionException(Category.HOST_KEY_CHANGED,
          where + ": host key is marked @revoked in " + knownHosts + " (" + seen + ")",
          "do not connect until the host's owner confirms its current key");
      return false;
    }
    List<KnownKey> sameType = known.stream()
        .filter(k -> !k.revoked() && sameType(k.type(), type)).toList();
    if (sameType.stream().anyMatch(k -> KeyUtils.compareKeys(k.key(), key))) return true;
    if (!sameType.isEmpty()) {
      KnownKey old = sameType.get(0);
      failure = new CollectionException(Category.HOST_KEY_CHANGED,
          where + ": host key CHANGED: known_hosts has " + label(old.type()) + " "
              + KeyUtils.getFingerPrint(old.key()) + ", the server sent " + seen,
          "this may be an attack; if the host was reinstalled, verify the new fingerprint and remove the old line ("
              + "ssh-keygen -R " + pattern(host, port) + " -f " + knownHosts + ")");
      return false;
    }
    if (!acceptNew) {
      failure = new CollectionException(Category.HOST_KEY_UNKNOWN,
          where + ": host key not known (" + seen + ")",
          "verify the fingerprint, then add it to known_hosts (ssh-keyscan -p " + port + " " + host + " >> "
              + SshEnvironment.show(knownHosts) + ") or re-run with --accept-new-host-keys");
      return false;
    }
    record(host, port, key);
    detail.accept("added the " + seen + " host key of " + where + " to " + knownHosts);
    return true;
  }

  /** A key listed for this host; keys of types this client cannot decode are skipped. */
  private record KnownKey(String type, PublicKey key, boolean revoked) {}

  private List<KnownKey> knownKeys(String host, int port) throws IOException {
    List<KnownKey> keys = new ArrayList<>();
    if (!Files.exists(knownHosts)) return keys;
    for (KnownHostEntry entry : KnownHostEntry.readKnownHostEntries(knownHosts)) {
      String marker = entry.getMarker();
      if ("cert-authority".equals(marker) || !entry.isHostMatch(host, port)) continue;
      AuthorizedKeyEntry keyEntry = entry.getKeyEntry();
      if (keyEntry == null) continue;
      PublicKey key;
      try {
        key = keyEntry.resolvePublicKey(null, PublicKeyEntryResolver.IGNORING);
      } catch (java.security.GeneralSecurityException e) {
        continue;
      }
      if (key != null) keys.add(new KnownKey(keyEntry.getKeyType(), key, "revoked".equals(marker)));
    }
    return keys;
  }

  /** Key types known_hosts lists for a host, so the handshake can ask for one of them first. */
  Set<String> knownTypes(String host, int port) {
    Set<String> types = new LinkedHashSet<>();
    try {
      for (KnownKey k : knownKeys(host, port)) {
        if (!k.revoked()) types.add(KeyUtils.getCanonicalKeyType(k.type()));
      }
    } catch (IOException e) {
      // the check itself reports an unreadable file
    }
    return types;
  }

  private static boolean sameType(String a, String b) {
    return KeyUtils.getCanonicalKeyType(a).equals(KeyUtils.getCanonicalKeyType(b));
  }

  /** Appends a plain (unhashed) line, as {@code ssh-keyscan} prints it, so a person can read and check it. */
  private void record(String host, int port, PublicKey key) throws IOException {
    StringBuilder line = new StringBuilder(pattern(host, port)).append(' ');
    PublicKeyEntry.appendPublicKeyEntry(line, key);
    line.append('\n');
    synchronized (WRITE_LOCK) {
      Path dir = knownHosts.toAbsolutePath().getParent();
      if (dir != null && !Files.isDirectory(dir)) {
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      }
      if (Files.exists(knownHosts) && Files.size(knownHosts) > 0 && !endsWithNewline(knownHosts)) {
        line.insert(0, '\n');
      }
      if (!Files.exists(knownHosts)) {
        Files.createFile(knownHosts, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
      }
      Files.writeString(knownHosts, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }
  }

  private static boolean endsWithNewline(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    return bytes[bytes.length - 1] == '\n';
  }

  /** {@code host} for port 22, {@code [host]:port} otherwise, as OpenSSH writes it. */
  private static String pattern(String host, int port) {
    return KnownHostHashValue.createHostPattern(host, port);
  }

  /** OpenSSH's short name for a key type: ED25519, ECDSA, RSA. */
  static String label(String keyType) {
    String t = KeyUtils.getCanonicalKeyType(keyType);
    if (t.contains("ed25519")) return "ED25519";
    if (t.startsWith("ecdsa") || t.contains("ecdsa")) return "ECDSA";
    if (t.contains("rsa")) return "RSA";
    if (t.contains("dss")) return "DSA";
    return t.toUpperCase(java.util.Locale.ROOT);
  }
}
