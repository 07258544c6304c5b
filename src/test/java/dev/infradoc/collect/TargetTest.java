package dev.infradoc.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TargetTest {
  @Test
  void parse_readsSshUrlWithUserAndPort() {
    Target t = Target.parse("ssh://ubuntu@10.0.0.5:2222");
    assertThat(t.kind()).isEqualTo(Target.Kind.SSH);
    assertThat(t.user()).isEqualTo("ubuntu");
    assertThat(t.host()).isEqualTo("10.0.0.5");
    assertThat(t.port()).isEqualTo(2222);
  }

  @Test
  void parse_treatsBareNameAsSshAlias() {
    Target t = Target.parse("web01");
    assertThat(t.kind()).isEqualTo(Target.Kind.SSH);
    assertThat(t.host()).isEqualTo("web01");
    assertThat(t.port()).isZero();
  }

  @Test
  void parse_readsIpv6InBrackets() {
    Target t = Target.parse("ssh://root@[fd00::2]:22");
    assertThat(t.host()).isEqualTo("fd00::2");
    assertThat(t.port()).isEqualTo(22);
  }

  @Test
  void parse_localAndPaths() {
    assertThat(Target.parse("local").kind()).isEqualTo(Target.Kind.LOCAL);
    assertThat(Target.parse("./infra").kind()).isEqualTo(Target.Kind.PATH);
    assertThat(Target.parse("/srv/repo").kind()).isEqualTo(Target.Kind.PATH);
  }

  @Test
  void parse_rejectsBadPortWithAClearMessage() {
    assertThatThrownBy(() -> Target.parse("ssh://web01:99999")).hasMessageContaining("port '99999'");
    assertThatThrownBy(() -> Target.parse("ssh://web;01")).hasMessageContaining("not a host name");
  }
}
