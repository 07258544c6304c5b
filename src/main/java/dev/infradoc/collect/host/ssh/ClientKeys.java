package dev.infradoc.collect.host.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.util.security.SecurityUtils;

/**
 * The private keys InfraDoc may log in with, read from OpenSSH key files before connecting, so that a
 * missing, unreadable or still-encrypted key is named in the message instead of failing deep inside
 * the handshake. A passphrase only ever comes from {@link SshEnvironment#PASSPHRASE_VARIABLE}.
 */
final class ClientKeys {
  private final List<KeyPair> keys = new ArrayList<>();
  private final List<String> offered = new ArrayList<>();
  private final Map<Path, String> problems = new LinkedHashMap<>();

  List<KeyPair> keys() {
    return keys;
  }

  /** "publickey with ~/.ssh/id_ed25519 (ED25519)" for each key that was read. */
  List<String> offered() {
    return offered;
  }

  /** Why a key file could not be used: "~/.ssh/id_rsa is encrypted and ... is not set". */
  List<String> problems() {
    return List.copyOf(problems.values());
  }

  /** Why this file was not used, or null when it was. */
  String problem(Path file) {
    return problems.get(file);
  }

  /**
   * Reads the given files; when none are given, the default identities that exist in {@code sshDir}.
   * A named file that is missing is a problem; a default one that is missing is simply not used.
   */
  static ClientKeys read(List<Path> named, SshEnvironment env) {
    ClientKeys result = new ClientKeys();
    String passphrase = env.variable(SshEnvironment.PASSPHRASE_VARIABLE);
    if (named.isEmpty()) {
      for (String name : List.of("id_ed25519", "id_ecdsa", "id_rsa")) {
        Path file = env.sshDir().resolve(name);
        if (Files.isRegularFile(file)) result.add(file, passphrase);
      }
    } else {
      for (Path file : named) {
        if (Files.isRegularFile(file)) {
          result.add(file, passphrase);
        } else {
          result.problems.put(file, SshEnvironment.show(file) + " does not exist");
        }
      }
    }
    return result;
  }

  private void add(Path file, String passphrase) {
    String shown = SshEnvironment.show(file);
    boolean[] asked = {false};
    FilePasswordProvider provider = (session, resource, retry) -> {
      asked[0] = true;
      return passphrase;
    };
    try (InputStream in = Files.newInputStream(file)) {
      Iterable<KeyPair> pairs = SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName(shown), in, provider);
      int before = keys.size();
      if (pairs != null) pairs.forEach(keys::add);
      if (keys.size() == before) {
        problems.put(file, shown + " holds no private key this client can read");
        return;
      }
      for (KeyPair pair : keys.subList(before, keys.size())) {
        offered.add("publickey with " + shown + " (" + HostKeyCheck.label(KeyUtils.getKeyType(pair)) + ")");
      }
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      if (asked[0] && passphrase == null) {
        problems.put(file, shown + " is encrypted and " + SshEnvironment.PASSPHRASE_VARIABLE + " is not set");
      } else if (asked[0]) {
        problems.put(file, shown + " could not be decrypted with the passphrase in "
            + SshEnvironment.PASSPHRASE_VARIABLE);
      } else {
        problems.put(file, "cannot read " + shown + ": " + ConnectFailure.describe(e));
      }
    }
  }
}
