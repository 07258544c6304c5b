package dev.infradoc.collect.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CidrTest {
  @Test
  void subnet_matchesTerraformsCidrsubnet() {
    assertThat(Cidr.subnet("10.20.0.0/16", 8, 21)).isEqualTo("10.20.21.0/24");
    assertThat(Cidr.subnet("172.16.0.0/12", 4, 2)).isEqualTo("172.18.0.0/16");
    assertThat(Cidr.host("10.12.112.0/20", 16)).isEqualTo("10.12.112.16");
  }

  @Test
  void subnet_rejectsANetNumberThatDoesNotFit() {
    assertThatThrownBy(() -> Cidr.subnet("10.0.0.0/16", 2, 4)).isInstanceOf(IllegalArgumentException.class);
  }
}
