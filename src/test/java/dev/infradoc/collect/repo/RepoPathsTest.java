package dev.infradoc.collect.repo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RepoPathsTest {
  @Test
  void inRepo_resolvesRelativeToTheFolder_withoutDotParts() {
    assertThat(RepoPaths.inRepo("shop", "./nginx/nginx.conf")).hasValue("shop/nginx/nginx.conf");
    assertThat(RepoPaths.inRepo("shop", "nginx//./nginx.conf")).hasValue("shop/nginx/nginx.conf");
    assertThat(RepoPaths.inRepo("deploy/compose", "../../shared/nginx.conf")).hasValue("shared/nginx.conf");
    assertThat(RepoPaths.inRepo("", "./api/Dockerfile")).hasValue("api/Dockerfile");
    assertThat(RepoPaths.inRepo("shop", ".")).hasValue("shop");
    assertThat(RepoPaths.inRepo("", ".")).hasValue("");
  }

  @Test
  void inRepo_isEmpty_forWhatIsNotAPathInTheRepository() {
    assertThat(RepoPaths.inRepo("shop", "../../etc/nginx.conf")).isEmpty();
    assertThat(RepoPaths.inRepo("", "..")).isEmpty();
    assertThat(RepoPaths.inRepo("shop", "/etc/nginx/nginx.conf")).isEmpty();
    assertThat(RepoPaths.inRepo("shop", "~/nginx.conf")).isEmpty();
    assertThat(RepoPaths.inRepo("shop", "${CONF_DIR}/nginx.conf")).isEmpty();
    assertThat(RepoPaths.inRepo("shop", "https://github.com/acme/api.git#main/Dockerfile")).isEmpty();
    assertThat(RepoPaths.inRepo("shop", "C:\\conf\\nginx.conf")).isEmpty();
  }
}
