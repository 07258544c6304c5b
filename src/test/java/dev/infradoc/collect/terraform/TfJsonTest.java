package dev.infradoc.collect.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class TfJsonTest {

  @Test
  void template_keepsInterpolations_escapesLiteralText_andUnwrapsASingleInterpolation() {
    assertThat(TfJson.template("shop-${var.env}")).isEqualTo("\"shop-${var.env}\"");
    assertThat(TfJson.template("${var.subnets}")).isEqualTo("var.subnets");
    assertThat(TfJson.template("cost $${dollars}")).isEqualTo("\"cost $${dollars}\"");
    assertThat(TfJson.template("say \"hi\"\n")).isEqualTo("\"say \\\"hi\\\"\\n\"");
    assertThat(TfJson.template("${lookup(var.m, \"k\", \"}\")}")).isEqualTo("lookup(var.m, \"k\", \"}\")");
    assertThat(TfJson.template("unclosed ${var.x")).isEqualTo("\"unclosed ${var.x\"");
  }

  @Test
  void parse_givesNodesTheLinesOfTheirJsonProperties_andJsonExcerpts() {
    String json = """
        {
          "resource": {
            "aws_instance": {
              "web": {
                "instance_type": "t3.micro",
                "tags": { "Name": "web" }, "ami": "ami-1"
              }
            }
          }
        }
        """;
    HclParsing.Result r = TfJson.parse(json, "main.tf.json", Set.of("tags"));
    assertThat(r.error()).isNull();
    HclFile f = r.file();
    ModuleDecl decl = new ModuleDecl("", java.util.List.of(f));
    var web = decl.resources.get("aws_instance.web").node();
    assertThat(f.line(web)).isEqualTo(4);
    assertThat(f.line(ModuleDecl.attribute(web, "instance_type"))).isEqualTo(5);
    assertThat(f.line(ModuleDecl.attribute(web, "ami"))).isEqualTo(6);
    assertThat(f.lineText(ModuleDecl.attribute(web, "instance_type"))).isEqualTo("\"instance_type\": \"t3.micro\",");
    assertThat(f.lineCount()).isEqualTo(10);
  }

  @Test
  void parse_readsObjectsAsBlocks_exceptMapAttributes() {
    String json = "{\"resource\": {\"aws_lb\": {\"a\": {\"access_logs\": {\"enabled\": true}, \"tags\": {\"Name\": \"x\"}}}}}";
    HclFile f = TfJson.parse(json, "x.tf.json", Set.of("tags")).file();
    var lb = new ModuleDecl("", java.util.List.of(f)).resources.get("aws_lb.a").node();
    assertThat(Blocks.nested(lb, "access_logs", Scope.EMPTY)).hasSize(1);
    assertThat(ModuleDecl.attribute(lb, "tags")).isNotNull();
  }

  @Test
  void parse_reportsWhereTheJsonBreaks() {
    HclParsing.Result r = TfJson.parse("{\n  \"resource\": {\n    \"a\": 1,\n  }\n}\n", "x.tf.json", Set.of());
    assertThat(r.file()).isNull();
    assertThat(r.error()).startsWith("4:3: not valid JSON:");
    assertThat(TfJson.parse("[1]", "x.tf.json", Set.of()).error()).isEqualTo("1:1: a .tf.json file holds one JSON object");
  }

  @Test
  void parse_reportsAnExpressionThatDoesNotParse_atItsJsonLine() {
    HclParsing.Result r = TfJson.parse("{\n\"locals\": {\n\"a\": 1,\n\"b\": \"${var.x +}\"\n}\n}\n", "x.tf.json", Set.of());
    assertThat(r.file()).isNull();
    assertThat(r.error()).startsWith("4:1: in an expression:");
  }
}
