package dev.infradoc.collect.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.infradoc.collect.CollectContext;
import dev.infradoc.collect.CollectEvents;
import dev.infradoc.collect.CollectOptions;
import dev.infradoc.collect.Target;
import dev.infradoc.knowledge.Knowledge;
import dev.infradoc.model.Component;
import dev.infradoc.model.ComponentKind;
import dev.infradoc.model.Dependency;
import dev.infradoc.model.Fragment;
import dev.infradoc.redact.Redactor;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerraformCollectorTest {
  @TempDir Path dir;

  private Fragment collect() throws Exception {
    CollectContext ctx = new CollectContext(CollectOptions.defaults(), Knowledge.load(), new Redactor(), CollectEvents.NONE);
    return new TerraformCollector().collect(Target.parse(dir.toString()), ctx);
  }

  private Component component(Fragment f, String id) {
    return f.components.stream().filter(c -> c.id().equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError("no component " + id + " in " + f.components.stream().map(Component::id).toList()));
  }

  private void write(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  @Test
  void collect_expandsCountAndForEach_intoIndexedIds() throws Exception {
    write("main.tf", """
        variable "n" { default = 3 }
        resource "aws_subnet" "private" {
          count      = var.n
          cidr_block = cidrsubnet("10.0.0.0/16", 8, count.index)
        }
        resource "aws_instance" "web" {
          for_each      = { a = "t3.small", b = "t3.large" }
          instance_type = each.value
        }
        """);
    Fragment f = collect();
    assertThat(f.zones).extracting(z -> z.id() + "=" + z.cidr()).containsExactly(
        "tf:aws_subnet.private[0]=10.0.0.0/24", "tf:aws_subnet.private[1]=10.0.1.0/24", "tf:aws_subnet.private[2]=10.0.2.0/24");
    assertThat(component(f, "tf:aws_instance.web[\"b\"]").attribute("instance_type")).isEqualTo("t3.large");
    assertThat(component(f, "tf:aws_instance.web[\"a\"]").kind()).isEqualTo(ComponentKind.APPLICATION);
  }

  @Test
  void collect_keepsSensitiveVariableAsWritten_evenWhenTfvarsSetsIt() throws Exception {
    write("main.tf", """
        variable "db_pass" {
          sensitive = true
        }
        resource "aws_db_instance" "db" {
          engine   = "postgres"
          password = var.db_pass
        }
        """);
    write("terraform.tfvars", "db_pass = \"hunter2-very-secret\"\n");
    Fragment f = collect();
    assertThat(component(f, "tf:aws_db_instance.db").attribute("password")).isEqualTo("var.db_pass");
    assertThat(TerraformGoldenTest.render(f)).doesNotContain("hunter2");
  }

  @Test
  void collect_redactsLiteralSecret_inAttributeAndExcerpt() throws Exception {
    write("main.tf", """
        resource "aws_elasticache_replication_group" "r" {
          engine     = "redis"
          auth_token = "plain-text-token-value-123"
        }
        """);
    Fragment f = collect();
    assertThat(component(f, "tf:aws_elasticache_replication_group.r").attribute("auth_token")).startsWith("[redacted");
    assertThat(TerraformGoldenTest.render(f)).doesNotContain("plain-text-token-value-123");
  }

  @Test
  void collect_reportsLineAndColumn_whenAFileDoesNotParse_andReadsTheOthers() throws Exception {
    write("good.tf", "resource \"aws_sqs_queue\" \"q\" {\n  name = \"jobs\"\n}\n");
    write("bad.tf", "resource \"aws_vpc\" \"v\" {\n  cidr_block = \n}\n");
    Fragment f = collect();
    assertThat(component(f, "tf:aws_sqs_queue.q").attribute("name")).isEqualTo("jobs");
    assertThat(f.problems).anySatisfy(p -> assertThat(p.what()).matches("bad\\.tf:3:1: .+"));
  }

  @Test
  void collect_followsLocalModule_keepingTheModulePathInIds_andLinksThroughOutputs() throws Exception {
    write("main.tf", """
        module "net" {
          source = "./modules/net"
          cidr   = "10.1.0.0/16"
        }
        resource "aws_security_group" "app" {
          vpc_id = module.net.vpc_id
        }
        resource "aws_lb" "web" {
          security_groups = [aws_security_group.app.id]
          subnets         = module.net.subnet_ids
        }
        """);
    write("modules/net/main.tf", """
        variable "cidr" {}
        resource "aws_vpc" "this" { cidr_block = var.cidr }
        resource "aws_subnet" "a" {
          vpc_id     = aws_vpc.this.id
          cidr_block = cidrsubnet(var.cidr, 8, 1)
        }
        output "vpc_id" { value = aws_vpc.this.id }
        output "subnet_ids" { value = [aws_subnet.a.id] }
        """);
    Fragment f = collect();
    assertThat(f.zones).extracting(z -> z.id() + " " + z.cidr() + " " + z.parent()).contains(
        "tf:module.net.aws_subnet.a 10.1.1.0/24 tf:module.net.aws_vpc.this");
    assertThat(component(f, "tf:aws_lb.web").attribute("zones")).isEqualTo("tf:module.net.aws_subnet.a");
    assertThat(component(f, "tf:aws_lb.web").attribute("subnets")).isEqualTo("module.net.subnet_ids");
    assertThat(f.dependencies).extracting(d -> d.from() + "->" + d.to() + ":" + d.kind())
        .contains("tf:aws_lb.web->tf:aws_security_group.app:" + Dependency.DECLARED);
  }

  @Test
  void collect_turnsSecurityGroupRulesIntoAllowedEdges() throws Exception {
    write("main.tf", """
        resource "aws_security_group" "app" {}
        resource "aws_security_group" "db" {
          ingress {
            from_port       = 5432
            to_port         = 5432
            protocol        = "tcp"
            security_groups = [aws_security_group.app.id]
          }
        }
        """);
    Fragment f = collect();
    assertThat(f.dependencies).anySatisfy(d -> {
      assertThat(d.from()).isEqualTo("tf:aws_security_group.app");
      assertThat(d.to()).isEqualTo("tf:aws_security_group.db");
      assertThat(d.kind()).isEqualTo(Dependency.ALLOWED);
      assertThat(d.port()).isEqualTo(5432);
      assertThat(d.evidence()).extracting(e -> e.locator()).containsExactly("main.tf:3");
    });
  }

  @Test
  void collect_listsUnknownTypesAsUnclassified_neverDropsThem() throws Exception {
    write("main.tf", "resource \"acme_widget\" \"w\" {\n  size = 3\n}\n");
    assertThat(component(collect(), "tf:acme_widget.w").kind()).isEqualTo(ComponentKind.UNCLASSIFIED);
  }

  @Test
  void supports_isFalse_forADirectoryWithoutTerraform() throws Exception {
    write("README.md", "nothing here\n");
    assertThat(new TerraformCollector().supports(Target.parse(dir.toString()))).isFalse();
    write("x/main.tf", "");
    assertThat(new TerraformCollector().supports(Target.parse(dir.toString()))).isTrue();
  }

  @Test
  void collect_putsAModuleResourcesOwnDeclarationFirst_thenItsLines_thenTheModuleCall() throws Exception {
    write("main.tf", """
        variable "size" { default = "t3.small" }
        module "app" {
          source = "./modules/app"
          size   = var.size
        }
        """);
    write("modules/app/variables.tf", """
        variable "size" {}
        """);
    write("modules/app/main.tf", """
        # padding so the declaration is below line 10 and text order would put it after main.tf:4




        resource "aws_instance" "web" {
          ami           = "ami-1"
          instance_type = var.size
        }
        """);
    Component web = component(collect(), "tf:module.app.aws_instance.web");
    assertThat(web.evidence()).extracting(e -> e.locator()).containsExactly(
        "modules/app/main.tf:6", "modules/app/main.tf:7", "modules/app/main.tf:8", "main.tf:1", "main.tf:4");
  }

  @Test
  void collect_readsABlockNamedInThePathAsTheKindsOfBlockItHolds() throws Exception {
    write("waf.tf", """
        resource "aws_wafv2_web_acl" "edge" {
          scope = "CLOUDFRONT"
          default_action {
            block {}
          }
          rule {
            name     = "limit"
            priority = 1
            action {
              count {}
            }
            statement {
              rate_based_statement {
                limit = 100
              }
            }
          }
        }
        """);
    Component acl = component(collect(), "tf:aws_wafv2_web_acl.edge");
    assertThat(acl.attribute("default_action")).isEqualTo("block");
    assertThat(acl.attribute("rule.action")).isEqualTo("count");
    assertThat(acl.attribute("rule.statement")).isEqualTo("rate_based_statement");
    assertThat(acl.attribute("rule.statement.rate_based_statement.limit")).isEqualTo("100");
    assertThat(acl.evidence()).extracting(e -> e.locator()).contains("waf.tf:3", "waf.tf:9");
  }
}
