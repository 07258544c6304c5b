package dev.infradoc.collect.host.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.infradoc.collect.CollectionException;
import dev.infradoc.collect.CollectionException.Category;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.nio.channels.UnresolvedAddressException;
import org.junit.jupiter.api.Test;

/** The mapping for failures a loopback test cannot cause (the ITs cover refused, timeout and DNS for real). */
class ConnectFailureTest {

  @Test
  void of_saysUnreachable_forNoRouteToHost_evenWhenWrapped() {
    CollectionException e = ConnectFailure.of("db1:22", 22,
        new IOException("connect failed", new NoRouteToHostException("No route to host")));

    assertThat(e.category()).isEqualTo(Category.UNREACHABLE);
    assertThat(e.getMessage()).isEqualTo("db1:22: host unreachable (No route to host)");
  }

  @Test
  void of_saysUnreachable_forNetworkIsUnreachable() {
    CollectionException e = ConnectFailure.of("db1:22", 22, new ConnectException("Network is unreachable"));

    assertThat(e.category()).isEqualTo(Category.UNREACHABLE);
  }

  @Test
  void of_saysRefused_forConnectionRefused() {
    CollectionException e = ConnectFailure.of("db1:2222", 2222, new ConnectException("Connection refused"));

    assertThat(e.category()).isEqualTo(Category.CONNECTION_REFUSED);
    assertThat(e.oneLine()).isEqualTo(
        "db1:2222: connection refused; nothing listens on port 2222: is sshd running, and is this its port?");
  }

  @Test
  void of_saysNameNotResolved_forAnUnresolvedAddress() {
    CollectionException e = ConnectFailure.of("web9:22", 22, new UnresolvedAddressException());

    assertThat(e.category()).isEqualTo(Category.NAME_NOT_RESOLVED);
  }

  @Test
  void of_keepsTheRootMessage_forAnythingElse() {
    CollectionException e = ConnectFailure.of("web9:22", 22, new IOException("outer", new IOException("inner detail")));

    assertThat(e.category()).isEqualTo(Category.OTHER);
    assertThat(e.getMessage()).isEqualTo("web9:22: cannot connect: inner detail");
  }
}
