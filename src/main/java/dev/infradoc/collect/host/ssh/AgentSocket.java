package dev.infradoc.collect.host.ssh;

import java.io.EOFException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.List;
import org.apache.sshd.agent.SshAgent;
import org.apache.sshd.agent.SshAgentFactory;
import org.apache.sshd.agent.SshAgentServer;
import org.apache.sshd.agent.common.AbstractAgentProxy;
import org.apache.sshd.common.FactoryManager;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.session.ConnectionService;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;

/**
 * A client of a running ssh-agent over its unix socket ({@code SSH_AUTH_SOCK}). MINA speaks the agent
 * protocol itself; its own unix-socket transport needs Tomcat's native APR library, so the socket is
 * opened here with the JDK's unix-domain channels (Java 16+) instead.
 */
final class AgentSocket extends AbstractAgentProxy {
  private final Path socket;
  private SocketChannel channel;

  AgentSocket(Path socket) {
    super(null);
    this.socket = socket;
  }

  /** Hands MINA a fresh agent client per authentication; agent forwarding is never offered. */
  static SshAgentFactory factory(Path socket) {
    return new SshAgentFactory() {
      @Override
      public List<ChannelFactory> getChannelForwardingFactories(FactoryManager manager) {
        return List.of();
      }

      @Override
      public SshAgent createClient(Session session, FactoryManager manager) {
        return new AgentSocket(socket);
      }

      @Override
      public SshAgentServer createServer(ConnectionService service) {
        throw new UnsupportedOperationException("InfraDoc does not forward the agent");
      }
    };
  }

  @Override
  public boolean isOpen() {
    return channel == null || channel.isOpen();
  }

  /** The buffer already starts with the 4-byte length (see prepare); the answer is returned without it. */
  @Override
  protected synchronized Buffer request(Buffer buffer) throws IOException {
    if (channel == null) {
      channel = SocketChannel.open(StandardProtocolFamily.UNIX);
      channel.connect(UnixDomainSocketAddress.of(socket));
    }
    ByteBuffer out = ByteBuffer.wrap(buffer.array(), buffer.rpos(), buffer.available());
    while (out.hasRemaining()) channel.write(out);
    ByteBuffer length = readFully(4);
    int n = length.getInt();
    if (n < 0 || n > 256 * 1024) throw new IOException("ssh-agent sent a reply of " + n + " bytes");
    return new ByteArrayBuffer(readFully(n).array());
  }

  private ByteBuffer readFully(int n) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(n);
    while (b.hasRemaining()) {
      if (channel.read(b) < 0) throw new EOFException("ssh-agent closed the connection");
    }
    b.flip();
    return b;
  }

  @Override
  public synchronized void close() throws IOException {
    if (channel != null) channel.close();
  }
}
