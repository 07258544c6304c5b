package dev.infradoc.render.iac;

import static org.assertj.core.api.Assertions.assertThat;

import dev.infradoc.collect.CollectContext;
import dev.infradoc.collect.CollectEvents;
import dev.infradoc.collect.CollectOptions;
import dev.infradoc.collect.Target;
import dev.infradoc.collect.terraform.TerraformCollector;
import dev.infradoc.knowledge.Knowledge;
import dev.infradoc.model.Component;
import dev.infradoc.model.Dependency;
import dev.infradoc.model.Model;
import dev.infradoc.model.ModelBuilder;
import dev.infradoc.redact.Redactor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The request graph of the three-tier fixture follows traffic, not reference direction. */
class TrafficTest {
  private static Model model;

  @BeforeAll
  static void collect() throws Exception {
    CollectContext context = new CollectContext(CollectOptions.defaults(), Knowledge.load(), new Redactor(), CollectEvents.NONE);
    model = new ModelBuilder().add(new TerraformCollector().collect(
        Target.parse("src/test/resources/golden-terraform/aws-three-tier/input"), context))
        .build(new Model.GeneratedBy("infradoc", "test"), "2026-01-01T00:00:00Z");
  }

  @Test
  void hops_goFromLoadBalancerToListener_whenTheListenerNamesTheLoadBalancer() {
    Traffic t = new Traffic(model);
    assertThat(model.dependencies()).anyMatch(d -> d.from().equals("tf:aws_lb_listener.https") && d.to().equals("tf:aws_lb.web"));
    assertThat(t.from("tf:aws_lb.web")).extracting(Hop::to).contains("tf:aws_lb_listener.https", "tf:aws_lb_listener.http");
    assertThat(t.from("tf:aws_lb_listener.https")).extracting(Hop::to).doesNotContain("tf:aws_lb.web");
    assertThat(t.from("tf:aws_lb_target_group.app")).extracting(Hop::to).containsExactly("tf:aws_autoscaling_group.app");
  }

  @Test
  void entries_areTheInternetFacingLoadBalancer_theDistribution_andTheDnsRecords() {
    // Not the listeners, target groups, web ACLs or the zone: requests reach those through the entries.
    assertThat(new Traffic(model).entries()).extracting(Hop::to).containsExactlyInAnyOrder("tf:aws_lb.web",
        "tf:aws_cloudfront_distribution.web", "tf:aws_route53_record.api", "tf:aws_route53_record.www");
  }

  @Test
  void dnsResolvesToTheDistribution_whichFetchesFromTheLoadBalancer_throughItsWebAcl() {
    Traffic t = new Traffic(model);
    assertThat(t.from("tf:aws_route53_record.www")).extracting(Hop::to).containsExactly("tf:aws_cloudfront_distribution.web");
    assertThat(t.from("tf:aws_route53_record.api")).extracting(Hop::to).containsExactly("tf:aws_lb.web");
    assertThat(t.from("tf:aws_cloudfront_distribution.web")).extracting(Hop::to)
        .containsExactlyInAnyOrder("tf:aws_lb.web", "tf:aws_s3_bucket.assets", "tf:aws_wafv2_web_acl.edge");
    assertThat(t.from("tf:aws_lb.web")).extracting(Hop::to).contains("tf:aws_wafv2_web_acl_association.alb");
    assertThat(t.from("tf:aws_wafv2_web_acl_association.alb")).extracting(Hop::to).containsExactly("tf:aws_wafv2_web_acl.alb");
    Hop origin = t.from("tf:aws_cloudfront_distribution.web").stream().filter(h -> h.to().equals("tf:aws_lb.web")).findFirst().orElseThrow();
    assertThat(origin.evidence()).extracting(e -> e.locator()).containsExactly("edge.tf:44");
  }

  @Test
  void autoscalingGroup_reachesDatabaseOnItsPort_throughTheLaunchTemplatesSecurityGroup() {
    Traffic t = new Traffic(model);
    assertThat(t.securityGroups("tf:aws_autoscaling_group.app")).containsExactly("tf:aws_security_group.app");
    Hop db = t.from("tf:aws_autoscaling_group.app").stream().filter(h -> h.to().equals("tf:aws_db_instance.main")).findFirst().orElseThrow();
    assertThat(db.port()).isEqualTo(5432);
    assertThat(db.kind()).isEqualTo(Dependency.ALLOWED);
    assertThat(db.evidence()).extracting(e -> e.locator()).containsExactly("security.tf:52");
  }

  @Test
  void placement_ofDatabase_isItsSubnetGroupsDataSubnets() {
    Placement p = new Placement(model, new References(model));
    Component db = model.componentsById().get("tf:aws_db_instance.main");
    assertThat(p.describe(db)).isEqualTo("data subnets in eu-west-1a, eu-west-1b");
  }

  @Test
  void template_dropsSegment_whoseAttributeIsNotStated() {
    Component c = new Component("tf:x", "x", dev.infradoc.model.ComponentKind.DATABASE, "", "", "", "", 1, "", "", List.of(),
        Map.of("engine", "postgres"), List.of());
    Template.Filled f = Template.fill(List.of("{engine} {engine_version}", "engine {engine}", "Multi-AZ {multi_az}"), Facts.of(c));
    assertThat(f.text()).isEqualTo("engine postgres");
  }
}
