package dev.infradoc.collect.host.ssh;

import dev.infradoc.collect.CollectionException;
import dev.infradoc.collect.CollectionException.Category;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.InterruptedByTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Locale;

/** Turns what went wrong while reaching a host into one line: what failed, where, and what to do. */
final class ConnectFailure {
  private ConnectFailure() {}

  /** A failed TCP connect (or a failed hop of a ProxyJump), from the exception MINA reported. */
  static CollectionException of(String where, int port, Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      String text = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
        return new CollectionException(Category.NAME_NOT_RESOLVED,
            where + ": the host name does not resolve",
            "check the spelling and DNS, or set HostName in ~/.ssh/config", error);
      }
      if (t instanceof NoRouteToHostException || text.contains("no route") || text.contains("unreachable")) {
        return new CollectionException(Category.UNREACHABLE,
            where + ": host unreachable (" + t.getMessage() + ")",
            "check the address, the route and any firewall between here and the host", error);
      }
      if (t instanceof ConnectException && text.contains("refused")) {
        return new CollectionException(Category.CONNECTION_REFUSED,
            where + ": connection refused",
            "nothing listens on port " + port + ": is sshd running, and is this its port?", error);
      }
      if (t instanceof SocketTimeoutException || t instanceof InterruptedByTimeoutException) {
        return new CollectionException(Category.CONNECT_TIMEOUT,
            where + ": no answer to the connection attempt",
            "check that the host is up and that a firewall lets port " + port + " through", error);
      }
      if (text.contains("no more authentication methods")) {
        return new CollectionException(Category.AUTH_REFUSED,
            where + ": a ProxyJump host refused every login method",
            "check the jump host's User and IdentityFile in ~/.ssh/config", error);
      }
    }
    return new CollectionException(Category.OTHER,
        where + ": cannot connect: " + describe(error),
        "check the address and port, or run ssh -v with the same target to compare", error);
  }

  static CollectionException noAnswer(String where, int port, Duration timeout) {
    return new CollectionException(Category.CONNECT_TIMEOUT,
        where + ": no answer within " + timeout.toSeconds() + " s",
        "check that the host is up and that a firewall lets port " + port
            + " through, or raise --connect-timeout", null);
  }

  static CollectionException handshakeTimeout(String where, Duration timeout) {
    return new CollectionException(Category.CONNECT_TIMEOUT,
        where + ": connected, but the SSH handshake did not finish within " + timeout.toSeconds() + " s",
        "check that an SSH server listens on this port, or raise --connect-timeout on a slow link", null);
  }

  static CollectionException handshakeClosed(String where, Throwable error) {
    return new CollectionException(Category.OTHER,
        where + ": the server closed the connection during the handshake"
            + (error == null ? "" : " (" + describe(error) + ")"),
        "check the server's sshd log: it may refuse this address or every algorithm offered", error);
  }

  static String describe(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) root = root.getCause();
    String message = root.getMessage();
    return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
  }
}
