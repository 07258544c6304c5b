package dev.infradoc.analyze;

import static dev.infradoc.model.ComponentKind.APPLICATION;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How scanned hosts are linked to declared instances, and when they are deliberately not. */
class HostLinksTest {
  private static final String OS = "Debian GNU/Linux 12 (bookworm)";

  @Test
  void links_byNameTag_toTheShortHostname() {
    HostLinks links = new ModelIndex(new Models().host("web01.example.com", OS, "2")
        .tf("aws_instance.web", APPLICATION, "tags.Name", "WEB01").build()).hostLinks();
    assertThat(links.links()).singleElement().satisfies(l -> {
      assertThat(l.declared().id()).isEqualTo("tf:aws_instance.web");
      assertThat(l.basis()).isEqualTo("tags.Name WEB01 = hostname web01.example.com");
    });
  }

  @Test
  void address_winsOverNameTag() {
    HostLinks links = new ModelIndex(new Models().host("web01", OS, "2")
        .tf("aws_instance.a", APPLICATION, "tags.Name", "web01")
        .tf("aws_instance.b", APPLICATION, "public_ip", "10.0.0.5").build()).hostLinks();
    assertThat(links.ofHost("host:web01").declared().id()).isEqualTo("tf:aws_instance.b");
    assertThat(links.ofHost("host:web01").basis()).isEqualTo("public_ip 10.0.0.5");
    assertThat(links.unmatchedDeclared()).extracting(c -> c.id()).containsExactly("tf:aws_instance.a");
  }

  @Test
  void noLink_whenTwoInstancesClaimTheSameAddress() {
    HostLinks links = new ModelIndex(new Models().host("web01", OS, "2")
        .tf("aws_instance.a", APPLICATION, "private_ip", "10.0.0.5")
        .tf("aws_instance.b", APPLICATION, "private_ip", "10.0.0.5").build()).hostLinks();
    assertThat(links.links()).isEmpty();
    assertThat(links.unmatchedDeclared()).hasSize(2);
  }

  @Test
  void address_readsTheHostCollectorsForm() {
    assertThat(HostLinks.address("10.231.50.2/24 (eth0)")).isEqualTo("10.231.50.2");
    assertThat(HostLinks.address("fe80::1 (eth0)")).isEqualTo("fe80::1");
  }
}
