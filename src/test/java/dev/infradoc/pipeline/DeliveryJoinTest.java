package dev.infradoc.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.infradoc.collect.CollectEvents;
import dev.infradoc.collect.CollectOptions;
import dev.infradoc.collect.Target;
import dev.infradoc.model.Component;
import dev.infradoc.model.Evidence;
import dev.infradoc.model.Model;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What CI/CD jobs deliver, joined with what the repository declares, through the pipeline as a scan runs it. */
class DeliveryJoinTest {
  private static final String JOB = "jobs:\n  ship:\n    runs-on: ubuntu-24.04\n    steps:\n";

  @TempDir Path repo;

  private void write(String rel, String text) throws IOException {
    Path p = repo.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  /** A workflow whose one job, ship, runs these steps (each a YAML list item, indented for steps:). */
  private void workflow(String steps) throws IOException {
    write(".github/workflows/ship.yml", "name: Ship\non: push\n" + JOB + steps);
  }

  private Model scan() {
    Pipeline pipeline = new Pipeline(Collectors.all(), Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
    return pipeline.scan(List.of(Target.parse(repo.toString())), CollectOptions.defaults(), CollectEvents.NONE).model();
  }

  private static Component ship(Model m) {
    return m.component("gha:ship/ship").orElseThrow();
  }

  private static List<String> locators(Component c) {
    return c.evidence().stream().map(Evidence::locator).toList();
  }

  @Test
  void anImagePushedWithAVariableTag_deliversEveryComponentRunningItsRepository_withTheLinesThatSaySo() throws IOException {
    workflow("      - run: docker push ghcr.io/acme/web:${{ github.sha }}\n");
    write("docker-compose.yml", "name: shop\nservices:\n  web:\n    image: ghcr.io/acme/web:1.4.2\n"
        + "  proxy:\n    image: quay.io/acme/web:1.4.2\n  hub:\n    image: acme/web:1.4.2\n");
    write("k8s/web.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n"
        + "      containers:\n        - name: web\n          image: ghcr.io/acme/web@sha256:abc\n");
    Model m = scan();

    Component ship = ship(m);
    // Same registry and repository, whatever the tag or digest; quay.io and Docker Hub hold other images.
    assertThat(ship.attribute(DeliveryJoin.DELIVERS)).isEqualTo("compose:shop/web, k8s:default/deployment/web");
    assertThat(ship.attributes()).doesNotContainKey(DeliveryJoin.NOT_MATCHED);
    // The job's line that says it; the lines that make the match stay the components' own (a job's first line stays its header).
    assertThat(locators(ship)).containsExactly(".github/workflows/ship.yml:4", ".github/workflows/ship.yml:5", ".github/workflows/ship.yml:7");
    assertThat(locators(m.component("compose:shop/web").orElseThrow())).contains("docker-compose.yml:4");
  }

  @Test
  void anImageNothingHereRuns_isSaidSo_andNothingIsDelivered() throws IOException {
    workflow("      - run: |\n          docker build -t ghcr.io/acme/migrations:${{ github.sha }} migrations\n"
        + "          docker push ghcr.io/acme/migrations:${{ github.sha }}\n");
    write("docker-compose.yml", "name: shop\nservices:\n  web:\n    image: ghcr.io/acme/web:1.4.2\n");
    Model m = scan();

    Component ship = ship(m);
    assertThat(ship.attributes()).doesNotContainKey(DeliveryJoin.DELIVERS);
    // Said once, as pushed; the Dockerfile it builds from is said through the image.
    assertThat(ship.attribute(DeliveryJoin.NOT_MATCHED))
        .isEqualTo("pushes ghcr.io/acme/migrations:${{ github.sha }}: not run by anything in this repository");
  }

  @Test
  void aJobWithoutDeliveries_andDeliveriesMatchingNothing_inventNothing() throws IOException {
    write(".github/workflows/ship.yml", "name: Ship\non: push\n" + JOB + "      - run: npm test\n"
        + "  push:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: docker push $IMAGE\n"
        + "      - run: aws ecs update-service --cluster c --service ${SERVICE}\n");
    write("docker-compose.yml", "name: shop\nservices:\n  web:\n    image: ghcr.io/acme/web:1.4.2\n");
    Model m = scan();

    assertThat(ship(m).attributes()).doesNotContainKeys(DeliveryJoin.DELIVERS, DeliveryJoin.NOT_MATCHED);
    Component push = m.component("gha:ship/push").orElseThrow();
    assertThat(push.attributes()).doesNotContainKey(DeliveryJoin.DELIVERS);
    assertThat(push.attribute(DeliveryJoin.NOT_MATCHED)).isEqualTo("aws ecs update-service --service ${SERVICE}: the name is a variable; "
        + "pushes $IMAGE: the image name is a variable");
    assertThat(m.component("compose:shop/web").orElseThrow().attributes()).doesNotContainKeys(DeliveryJoin.DELIVERS);
  }

  @Test
  void anImageBuiltFromAnEcrLoginsRegistry_deliversTheEcsTaskDefinitionRunningIt_andTheComposeServiceBuiltFromItsDockerfile() throws IOException {
    workflow("      - id: ecr\n        uses: aws-actions/amazon-ecr-login@v2\n"
        + "      - uses: docker/build-push-action@v6\n        with:\n          context: .\n          file: api/Dockerfile\n"
        + "          push: true\n          tags: ${{ steps.ecr.outputs.registry }}/shop-api:${{ github.sha }}\n");
    write("api/Dockerfile", "FROM python:3.12-slim\nCMD [\"gunicorn\"]\n");
    write("docker-compose.yml", "name: shop\nservices:\n  api:\n    build:\n      context: .\n      dockerfile: api/Dockerfile\n");
    write("infra/main.tf", "resource \"aws_ecs_task_definition\" \"api\" {\n  family = \"shop-api\"\n"
        + "  container_definitions = jsonencode([{ name = \"api\", image = \"123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop-api:${var.tag}\" }])\n}\n"
        + "variable \"tag\" {}\n");
    Model m = scan();

    assertThat(ship(m).attribute(DeliveryJoin.DELIVERS)).isEqualTo("compose:shop/api, tf:infra/aws_ecs_task_definition.api");
  }

  @Test
  void workingDirectories_replaceEachOther_andCdAndChdirResolveFromThem() throws IOException {
    write(".github/workflows/ship.yml", "name: Ship\non: push\ndefaults:\n  run:\n    working-directory: infra\n" + JOB
        + "      - run: terraform -chdir=prod apply\n"            // infra/prod
        + "      - run: terraform apply\n        working-directory: infra/staging\n" // replaces the default
        + "      - run: cd .. && cd infra/dev && terraform apply -auto-approve\n" // from infra: the root, then infra/dev
        + "      - run: terraform apply\n        working-directory: ${{ inputs.dir }}\n");
    for (String env : List.of("prod", "staging")) write("infra/" + env + "/main.tf", "resource \"aws_sqs_queue\" \"jobs\" {\n  name = \"jobs\"\n}\n");
    Model m = scan();

    Component ship = ship(m);
    assertThat(ship.attribute(DeliveryJoin.DELIVERS))
        .isEqualTo("Terraform root infra/prod (1 resource), Terraform root infra/staging (1 resource)");
    assertThat(ship.attribute(DeliveryJoin.NOT_MATCHED)).isEqualTo(
        "terraform apply in a folder given as a variable: not a folder of this repository; "
            + "terraform apply in infra/dev: no Terraform root was read in that folder");
  }

  @Test
  void kubectlApplyOfAFolder_takesItsFiles_recursiveOrKustomizedOnlyWhenSaid() throws IOException {
    String deployment = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: %s\nspec:\n  template:\n    spec:\n"
        + "      containers:\n        - name: app\n          image: ghcr.io/acme/%s:1\n";
    write("k8s/web.yaml", deployment.formatted("web", "web"));
    write("k8s/jobs/worker.yaml", deployment.formatted("worker", "worker"));
    write("k8s/extra/admin.yaml", deployment.formatted("admin", "admin"));
    write("k8s/extra/kustomization.yaml", "resources:\n  - ../jobs\n");
    workflow("      - run: kubectl apply -f k8s/\n");
    assertThat(ship(scan()).attribute(DeliveryJoin.DELIVERS)).isEqualTo("k8s:default/deployment/web");

    workflow("      - run: kubectl apply -R -f k8s\n");
    assertThat(ship(scan()).attribute(DeliveryJoin.DELIVERS))
        .isEqualTo("k8s:default/deployment/admin, k8s:default/deployment/web, k8s:default/deployment/worker");

    // The kustomization lists ../jobs, not the admin file beside it.
    workflow("      - run: kubectl apply -k k8s/extra\n");
    assertThat(ship(scan()).attribute(DeliveryJoin.DELIVERS)).isEqualTo("k8s:default/deployment/worker");
  }

  @Test
  void anEcsServiceIsDeliveredByTheNameTerraformGivesIt_andComposeUpByItsFiles() throws IOException {
    workflow("      - run: aws ecs update-service --cluster shop --service shop-api --force-new-deployment\n"
        + "      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2\n        with:\n          service: shop-worker\n"
        + "      - run: docker compose -f deploy/compose.yaml up -d\n");
    write("main.tf", "locals {\n  name = \"shop\"\n}\nresource \"aws_ecs_service\" \"api\" {\n  name = \"${local.name}-api\"\n}\n");
    write("deploy/compose.yaml", "name: shop\nservices:\n  web:\n    image: nginx:1.27\n");
    Model m = scan();

    Component ship = ship(m);
    assertThat(ship.attribute(DeliveryJoin.DELIVERS)).isEqualTo("compose:shop/web, tf:aws_ecs_service.api");
    assertThat(ship.attribute(DeliveryJoin.NOT_MATCHED)).isEqualTo("deploys ECS service shop-worker: no ECS service of that name was read in this repository");
  }

  @Test
  void helmDeliversTheWorkloadsReadBelowAChartFolderOfTheRepository_notAChartOfAChartRepository() throws IOException {
    workflow("      - run: helm upgrade --install shop ./charts/shop -n shop --set image.tag=${{ github.sha }} --wait\n"
        + "      - run: helm upgrade --install cache bitnami/redis --namespace shop\n");
    write("charts/shop/Chart.yaml", "apiVersion: v2\nname: shop\nversion: 1.0.0\n");
    write("charts/shop/templates/web.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n"
        + "    spec:\n      containers:\n        - name: web\n          image: ghcr.io/acme/web:1\n");
    write("bitnami/redis/values.yaml", "auth: {enabled: true}\n");
    Component ship = ship(scan());

    assertThat(ship.attribute(DeliveryJoin.DELIVERS)).isEqualTo("k8s:default/deployment/web");
    // A folder of that name without a Chart.yaml is not the chart helm installs.
    assertThat(ship.attribute(DeliveryJoin.NOT_MATCHED)).isEqualTo("helm upgrade cache bitnami/redis: not a chart folder of this repository");
  }

  @Test
  void inFolder_isTheFileItself_theFilesOfAFolder_orAllBelowATree() {
    assertThat(DeliveryJoin.inFolder("kubernetes", "k8s/web.yaml", "k8s/web.yaml")).isTrue();
    assertThat(DeliveryJoin.inFolder("kubernetes-folder", "k8s", "k8s/web.yaml")).isTrue();
    assertThat(DeliveryJoin.inFolder("kubernetes-folder", "k8s", "k8s/jobs/worker.yaml")).isFalse();
    assertThat(DeliveryJoin.inFolder("kubernetes-tree", "k8s", "k8s/jobs/worker.yaml")).isTrue();
    assertThat(DeliveryJoin.inFolder("kubernetes-tree", "k8s", "k8s-old/web.yaml")).isFalse();
    assertThat(DeliveryJoin.inFolder("kubernetes-folder", ".", "web.yaml")).isTrue();
    assertThat(DeliveryJoin.inFolder("kubernetes-tree", "", "web.yaml")).as("nowhere").isFalse();
  }
}
