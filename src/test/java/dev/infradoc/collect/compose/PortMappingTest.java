package dev.infradoc.collect.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.infradoc.model.Listen;
import org.junit.jupiter.api.Test;

class PortMappingTest {

  @Test
  void parseShort_bindsAllInterfaces_whenNoHostAddressIsWritten() {
    PortMapping p = PortMapping.parseShort("8080:80");
    assertThat(p.describe()).isEqualTo("0.0.0.0:8080->80/tcp (all interfaces)");
    assertThat(p.listens()).containsExactly(new Listen("0.0.0.0", 8080, "tcp"));
  }

  @Test
  void parseShort_readsHostAddressProtocolAndIpv6() {
    assertThat(PortMapping.parseShort("127.0.0.1:5432:5432").listens()).containsExactly(new Listen("127.0.0.1", 5432, "tcp"));
    assertThat(PortMapping.parseShort("53:53/udp").listens()).containsExactly(new Listen("0.0.0.0", 53, "udp"));
    assertThat(PortMapping.parseShort("[::1]:6001:6001").describe()).isEqualTo("[::1]:6001->6001/tcp");
  }

  @Test
  void parseShort_givesNoListener_whenTheHostPortIsRandomOrAVariable() {
    assertThat(PortMapping.parseShort("3000").listens()).isEmpty();
    assertThat(PortMapping.parseShort("3000").describe()).isEqualTo("0.0.0.0:(random port)->3000/tcp (all interfaces)");
    PortMapping v = PortMapping.parseShort("${WEB_PORT:-8080}:80");
    assertThat(v.listens()).isEmpty();
    assertThat(v.describe()).isEqualTo("${WEB_PORT:-8080}:80 (unresolved variable)");
  }

  @Test
  void parseShort_expandsSmallRanges_only() {
    assertThat(PortMapping.parseShort("9090-9091:8080-8081").listens()).hasSize(2);
    assertThat(PortMapping.parseShort("10000-20000:10000-20000").listens()).isEmpty();
  }
}
