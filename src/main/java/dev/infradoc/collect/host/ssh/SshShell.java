package dev.infradoc.collect.host.ssh;

import dev.infradoc.collect.CollectionException;
import dev.infradoc.collect.CollectionException.Category;
import dev.infradoc.collect.host.BoundedOutput;
import dev.infradoc.collect.host.Shell;
import dev.infradoc.collect.host.ShellResult;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;

/**
 * Runs the probe over one authenticated SSH connection: each {@link #run} is one exec channel on the
 * same session, so round 1 and round 2 of a probe pay for the handshake only once.
 */
public final class SshShell implements Shell {
  /** POSIX signal numbers, so a remote kill reads like a local one (128 + n). */
  private static final Map<String, Integer> SIGNALS = Map.ofEntries(
      Map.entry("HUP", 1), Map.entry("INT", 2), Map.entry("QUIT", 3), Map.entry("ILL", 4),
      Map.entry("ABRT", 6), Map.entry("FPE", 8), Map.entry("KILL", 9), Map.entry("USR1", 10),
      Map.entry("SEGV", 11), Map.entry("USR2", 12), Map.entry("PIPE", 13), Map.entry("ALRM", 14),
      Map.entry("TERM", 15));

  private final SshClient client;
  private final ClientSession session;
  private final String description;
  private final String where;
  private final boolean sudo;

  SshShell(SshClient client, ClientSession session, String description, String where, boolean sudo) {
    this.client = client;
    this.session = session;
    this.description = description;
    this.where = where;
    this.sudo = sudo;
  }

  @Override
  public synchronized ShellResult run(String script, List<String> args, String stdin, Duration timeout)
      throws CollectionException {
    long deadline = System.nanoTime() + timeout.toNanos();
    BoundedOutput out = new BoundedOutput(MAX_OUTPUT_BYTES);
    BoundedOutput err = new BoundedOutput(MAX_OUTPUT_BYTES);
    ChannelExec channel = null;
    try {
      channel = session.createExecChannel(RemoteCommand.line(sudo, script, args));
      channel.setOut(out);
      channel.setErr(err);
      if (!channel.open().verify(remaining(deadline), TimeUnit.MILLISECONDS).isOpened()) {
        throw new IOException("the server did not open an exec channel");
      }
    } catch (IOException e) {
      if (channel != null) channel.close(true);
      if (!session.isOpen()) throw dropped(e);
      if (System.nanoTime() >= deadline) throw timedOut(timeout);
      throw new CollectionException(Category.OTHER, where + ": cannot start the probe: " + e.getMessage(),
          "check that the account may run commands (no ForceCommand, no restricted shell)", e);
    }
    feed(channel, stdin);
    if (!waitClosed(channel, deadline)) {
      channel.close(true);
      throw timedOut(timeout);
    }
    Integer status = channel.getExitStatus();
    String signal = channel.getExitSignal();
    if (status == null && signal != null) status = 128 + SIGNALS.getOrDefault(signal, 0);
    if (status == null) throw dropped(null);
    return new ShellResult(out.text(), err.text(), status, out.truncated() || err.truncated());
  }

  /**
   * Writes stdin on its own thread and then closes it (EOF). A script that stops reading would
   * otherwise block this write forever and the timeout could never fire.
   */
  private static void feed(ChannelExec channel, String stdin) {
    byte[] bytes = stdin.getBytes(StandardCharsets.UTF_8);
    Thread writer = new Thread(() -> {
      try (OutputStream in = channel.getInvertedIn()) {
        in.write(bytes);
      } catch (IOException e) {
        // the command may exit or be closed before it read everything; its output still counts
      }
    }, "infradoc-ssh-stdin");
    writer.setDaemon(true);
    writer.start();
  }

  /**
   * MINA's waitFor counts every wake-up as at least 123 ms, so it can return well before its timeout;
   * the deadline is therefore checked here.
   */
  private static boolean waitClosed(ChannelExec channel, long deadline) {
    while (true) {
      Set<ClientChannelEvent> events = channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), remaining(deadline));
      if (events.contains(ClientChannelEvent.CLOSED)) return true;
      if (System.nanoTime() >= deadline) return false;
    }
  }

  private static long remaining(long deadline) {
    return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
  }

  private CollectionException timedOut(Duration timeout) {
    return new CollectionException(Category.COMMAND_TIMEOUT,
        where + ": the probe did not finish within " + timeout.toSeconds() + " s",
        "raise --command-timeout or look for a hung command (an NFS mount?)", null);
  }

  private CollectionException dropped(Throwable cause) {
    String how = session.isOpen() ? "the probe's channel closed without an exit status"
        : "the connection dropped while the probe ran";
    return new CollectionException(Category.CONNECTION_DROPPED, where + ": " + how,
        "check the network and the server's sshd log (was sshd restarted, or the session killed?), then re-run",
        cause);
  }

  @Override
  public String describe() {
    return description;
  }

  @Override
  public void close() {
    try {
      session.close(true);
    } finally {
      client.stop();
    }
  }
}
