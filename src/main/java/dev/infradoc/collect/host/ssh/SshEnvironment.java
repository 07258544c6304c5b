package dev.infradoc.collect.host.ssh;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * Where the SSH client's own files live and how environment variables are read. The default reads
 * the real {@code ~/.ssh} and process environment; tests pass their own so they never touch either.
 *
 * @param sshDir directory with the default identities ({@code id_ed25519}, ...) and {@code known_hosts}
 * @param configFile the ssh_config file to honour; it need not exist
 * @param env environment lookup; returns null for unset variables
 */
public record SshEnvironment(Path sshDir, Path configFile, Function<String, String> env) {

  /** Name of the variable that may hold the passphrase of encrypted private keys. */
  public static final String PASSPHRASE_VARIABLE = "INFRADOC_KEY_PASSPHRASE";

  /** Name of the variable that holds the password when {@code --password-env} names none. */
  public static final String DEFAULT_PASSWORD_VARIABLE = "INFRADOC_SSH_PASSWORD";

  /** The real ~/.ssh and process environment of the user running InfraDoc. */
  public static SshEnvironment fromSystem() {
    Path dir = Path.of(System.getProperty("user.home"), ".ssh");
    return new SshEnvironment(dir, dir.resolve("config"), System::getenv);
  }

  /** The value of an environment variable, or null when it is unset or empty. */
  String variable(String name) {
    String value = env.apply(name);
    return value == null || value.isEmpty() ? null : value;
  }

  Path defaultKnownHosts() {
    return sshDir.resolve("known_hosts");
  }

  /** Shortens paths under the real home directory to {@code ~/...} for messages. */
  static String show(Path path) {
    Path home = Path.of(System.getProperty("user.home")).toAbsolutePath().normalize();
    Path p = path.toAbsolutePath().normalize();
    return p.startsWith(home) && !p.equals(home) ? "~/" + home.relativize(p) : p.toString();
  }
}
