package dev.infradoc.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CiActionCatalogTest {
  private final CiActionCatalog ci = CiActionCatalog.shipped();

  @Test
  void forUses_ignoresTheVersion_andMatchesTheWholeActionName() {
    assertThat(ci.forUses("aws-actions/amazon-ecs-deploy-task-definition@v2")).extracting(CiActionCatalog.CiStep::does)
        .containsExactly("deploys");
    assertThat(ci.forUses("Docker/Build-Push-Action@0123abc")).extracting(CiActionCatalog.CiStep::id)
        .containsExactly("docker-build-push");
    assertThat(ci.forUses("docker/build-push-action-fork@v1")).isEmpty();
  }

  @Test
  void forRunLine_findsDeploysInCommands_butNotLookalikes() {
    assertThat(ci.forRunLine("terraform -chdir=infra apply -auto-approve")).extracting(CiActionCatalog.CiStep::id)
        .containsExactly("terraform-apply");
    assertThat(ci.forRunLine("helm upgrade --install web ./chart")).extracting(CiActionCatalog.CiStep::id).containsExactly("helm");
    assertThat(ci.forRunLine("docker build -t x . && docker push x")).extracting(CiActionCatalog.CiStep::id)
        .containsExactly("docker-build", "docker-push");
    assertThat(ci.forRunLine("kubectl rollout status deploy/web")).isEmpty();
    assertThat(ci.forRunLine("echo terraform applying is fun")).isEmpty();
  }
}
