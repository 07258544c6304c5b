package dev.infradoc.collect.host.ssh;

import dev.infradoc.collect.CollectOptions;
import dev.infradoc.collect.CollectionException;
import dev.infradoc.collect.CollectionException.Category;
import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.client.config.hosts.HostConfigEntry;
import org.apache.sshd.client.future.AuthFuture;
import org.apache.sshd.client.session.ClientSession;

/** Keys, agent and password to log in with, and how to name them when the server refuses them all. */
record Login(List<KeyPair> keys, Path agent, String password, List<String> offered,
    List<String> problems, String user, String where) {

  static Login prepare(HostConfigEntry entry, CollectOptions options, SshEnvironment env, String where)
      throws CollectionException {
    List<Path> named = new ArrayList<>();
    options.identity().ifPresent(named::add);
    for (String file : entry.getIdentities()) named.add(Path.of(file));
    ClientKeys files = ClientKeys.read(named, env);
    List<String> offered = new ArrayList<>();
    List<String> problems = new ArrayList<>(files.problems());
    Path agent = null;
    String socket = env.variable("SSH_AUTH_SOCK");
    if (socket != null) {
      try (AgentSocket probe = new AgentSocket(Path.of(socket))) {
        int count = 0;
        for (var ignored : probe.getIdentities()) count++;
        agent = Path.of(socket);
        offered.add("publickey with " + count + (count == 1 ? " key" : " keys") + " from ssh-agent");
      } catch (IOException | RuntimeException e) {
        problems.add("ssh-agent at SSH_AUTH_SOCK=" + socket + " is not usable ("
            + ConnectFailure.describe(e) + ")");
      }
    }
    offered.addAll(files.offered());
    String variable = options.passwordEnv().orElse(SshEnvironment.DEFAULT_PASSWORD_VARIABLE);
    String password = env.variable(variable);
    if (password != null) offered.add("password from $" + variable);
    String identityProblem = options.identity().map(files::problem).orElse(null);
    if (identityProblem != null) {
      // the user asked for this key: not using it silently would be worse than stopping
      throw new CollectionException(Category.LOCAL_SETUP, where + ": cannot use --identity: " + identityProblem,
          "pass a readable OpenSSH private key; for an encrypted one set "
              + SshEnvironment.PASSPHRASE_VARIABLE + " or load it into ssh-agent", null);
    }
    if (files.keys().isEmpty() && agent == null && password == null) {
      String why = problems.isEmpty() ? "no key in " + env.sshDir() + " (id_ed25519, id_ecdsa, id_rsa)"
          : String.join("; ", problems);
      throw new CollectionException(Category.LOCAL_SETUP,
          where + ": nothing to log in with: " + why + ", no ssh-agent, and $" + variable + " is not set",
          "pass -i KEY, start ssh-agent with the key loaded, or set " + variable, null);
    }
    return new Login(files.keys(), agent, password, offered, problems, entry.getUsername(), where);
  }

  void authenticate(ClientSession session, Duration timeout) throws CollectionException {
    if (password != null) session.addPasswordIdentity(password);
    try {
      AuthFuture auth = session.auth();
      if (!auth.await(timeout)) {
        session.close(true);
        throw new CollectionException(Category.CONNECT_TIMEOUT,
            where + ": authentication as " + user + " did not finish within " + timeout.toSeconds() + " s",
            "raise --connect-timeout, or check the server (slow PAM or DNS on the server side?)", null);
      }
      if (auth.isSuccess()) return;
      Throwable error = auth.getException();
      boolean dropped = !session.isOpen();
      session.close(true);
      if (dropped && error != null && !String.valueOf(error.getMessage()).contains("authentication")) {
        throw new CollectionException(Category.CONNECTION_DROPPED,
            where + ": the connection dropped during authentication (" + ConnectFailure.describe(error) + ")",
            "check the server's sshd log, then re-run", error);
      }
      throw refused(error);
    } catch (IOException e) {
      session.close(true);
      throw refused(e);
    }
  }

  private CollectionException refused(Throwable error) {
    String tried = offered.isEmpty() ? "nothing" : String.join(", ", offered);
    String skipped = problems.isEmpty() ? "" : "; not used: " + String.join("; ", problems);
    List<String> todo = new ArrayList<>();
    if (password != null) todo.add("check the password");
    todo.add("add your public key to ~" + user + "/.ssh/authorized_keys on the host");
    todo.add("pass -i KEY, or log in as another user (user@host)");
    return new CollectionException(Category.AUTH_REFUSED,
        where + ": login as " + user + " refused (tried " + tried + skipped + ")", String.join(", ", todo), error);
  }
}
