package dev.infradoc.collect.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openrewrite.hcl.tree.Hcl;

/**
 * Functions as the evaluator applies them to written expressions: a known result where every
 * input is known, the call as written where one is not ({@code var.x} below is never known).
 */
class TfFunctionsTest {
  /** var.x is unknown; local.m, local.l and local.s are known. */
  private static final Scope SCOPE = new Scope() {
    public TfValue binding(String name) {
      return null;
    }

    public TfValue member(String root, String name) {
      if (!root.equals("local")) return null;
      return switch (name) {
        case "m" -> eval("{ a = 1, b = \"two\" }", Scope.EMPTY);
        case "l" -> eval("[\"x\", \"\", \"y\"]", Scope.EMPTY);
        case "s" -> new TfValue.Str("eu-west-1");
        default -> null;
      };
    }
  };

  static TfValue eval(String expr, Scope scope) {
    HclParsing.Result r = HclParsing.parse("x = " + expr + "\n", "t.tf");
    assertThat(r.error()).as(expr).isNull();
    return Evaluator.eval(((Hcl.Attribute) r.file().tree().getBody().get(0)).getValue(), scope);
  }

  private static String show(String expr) {
    return eval(expr, SCOPE).display();
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
      "jsonencode({ b = [1, true, null], a = \"<x>\" })|{\"a\":\"\\u003cx\\u003e\",\"b\":[1,true,null]}",
      "jsondecode(\"{\\\"k\\\": [1, 2]}\").k[1]|2",
      "try(local.m.missing, local.m.a)|1",
      "try(local.m.b, \"d\")|two",
      "try(local.l[7], \"fallback\")|fallback",
      "can(local.m.missing)|false",
      "can(local.m.a)|true",
      "lookup(local.m, \"zz\", \"dflt\")|dflt",
      "merge(local.m, { c = 3 }).c|3",
      "concat(local.l, [\"z\"])|[\"x\", \"\", \"y\", \"z\"]",
      "format(\"%s-%03d-%.1f-%q-%t\", \"a\", 7, 2.25, \"q\", true)|a-007-2.2-\"q\"-true",
      "formatlist(\"%s.internal\", [\"a\", \"b\"])|[\"a.internal\", \"b.internal\"]",
      "coalesce(\"\", \"b\")|b",
      "coalescelist([], [1])|[1]",
      "\"a\\tb\"|'a\tb'",
      "\"a\\\\nb\"|a\\nb",
      "length([])|0",
      "length({})|0",
      "element(local.l, 4)|''",
      "length(local.m)|2",
      "keys(local.m)|[\"a\", \"b\"]",
      "values(local.m)|[1, \"two\"]",
      "tomap(local.m).b|two",
      "tolist(local.l)[2]|y",
      "toset([\"b\", \"a\", \"b\"])|[\"a\", \"b\"]",
      "compact(local.l)|[\"x\", \"y\"]",
      "reverse([1, 2])|[2, 1]",
      "sort([\"b\", \"a\"])|[\"a\", \"b\"]",
      "index([\"a\", \"b\"], \"b\")|1",
      "one([\"only\"])|only",
      "sum([1, 2.5])|3.5",
      "alltrue([true, true])|true",
      "anytrue([false])|false",
      "startswith(local.s, \"eu-\")|true",
      "endswith(local.s, \"-2\")|false",
      "trimprefix(local.s, \"eu-\")|west-1",
      "trimsuffix(local.s, \"-1\")|eu-west",
      "trim(\"--a--\", \"-\")|a",
      "chomp(\"line\\n\")|line",
      "strrev(\"abc\")|cba",
      "substr(local.s, 3, 4)|west",
      "title(\"hello world\")|Hello World",
      "abs(-3)|3",
      "ceil(1.2)|2",
      "floor(1.8)|1",
      "base64decode(base64encode(\"hé\"))|hé",
      "setunion([\"b\"], [\"a\", \"b\"])|[\"a\", \"b\"]",
      "cidrsubnet(\"10.0.0.0/16\", 8, 2)|10.0.2.0/24",
      "cidrsubnets(\"10.1.0.0/16\", 4, 4, 8, 4)|[\"10.1.0.0/20\", \"10.1.16.0/20\", \"10.1.32.0/24\", \"10.1.48.0/20\"]",
  })
  void knownArguments_giveTheResult(String expr, String expected) {
    assertThat(show(expr)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
      "jsonencode({ a = var.x })",
      "jsondecode(var.x)",
      "try(var.x, \"d\")",
      "try(local.m.missing, var.x)",
      "can(var.x.y)",
      "lookup(var.x, \"k\", \"d\")",
      "merge(local.m, var.x)",
      "concat(local.l, var.x)",
      "format(\"%s-%d\", var.x, 1)",
      "format(\"%s\", [1])",
      "formatlist(\"%s\", var.x)",
      "coalesce(var.x, \"b\")",
      "element(var.x, 0)",
      "length(var.x)",
      "keys(var.x)",
      "tomap(var.x)",
      "toset(var.x)",
      "cidrsubnet(var.x, 8, 1)",
      "cidrsubnets(\"10.0.0.0/16\", var.x)",
      "substr(var.x, 0, 1)",
      "startswith(var.x, \"a\")",
      "sum([1, var.x])",
      "one([1, 2])",
      "index([\"a\"], \"z\")",
      "no_such_function(1)",
      "file(var.x)",
      "templatefile(\"t.tpl\", { a = var.x })",
  })
  void anUnknownArgument_keepsTheCallAsWritten(String expr) {
    TfValue v = eval(expr, SCOPE);
    assertThat(v).isInstanceOf(TfValue.Unknown.class);
    assertThat(v.display()).isEqualTo(expr);
  }

  @Test
  void templatefile_rendersInterpolationsAndDirectives_whenEveryInputIsKnown(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("t.tpl"), """
        hosts:
        %{ for name, port in ports ~}
          - ${name}:${port}
        %{ endfor ~}
        %{ if tls }tls: on%{ else }tls: off%{ endif }
        literal: $${not_a_var}
        """);
    Scope scope = filesScope(dir);
    TfValue v = eval("templatefile(\"t.tpl\", { ports = { web = 80, api = 8080 }, tls = true })", scope);
    // "~" strips all whitespace on its side, the next line's indentation included (as HCL does).
    assertThat(v.display()).isEqualTo("hosts:\n- api:8080\n- web:80\ntls: on\nliteral: ${not_a_var}\n");
    assertThat(eval("templatefile(\"t.tpl\", { ports = {}, tls = var.x })", scope)).isInstanceOf(TfValue.Unknown.class);
    // A name the template uses but the call does not give: Terraform would fail; nothing is made up.
    assertThat(eval("templatefile(\"t.tpl\", { ports = {} })", scope)).isInstanceOf(TfValue.Unknown.class);
  }

  @Test
  void inlineTemplates_withDirectives_renderWhenKnown_andStayAsWrittenOtherwise() {
    // (The parser takes directives in heredocs; in quoted strings it rejects most of them.)
    TfValue heredoc = eval("<<-EOT\n    %{ for x in compact(local.l) ~}\n    line ${x}\n    %{ endfor ~}\n    EOT", SCOPE);
    assertThat(heredoc.display()).isEqualTo("line x\nline y\n");
    TfValue ifElse = eval("<<EOT\n%{ if local.s == \"us\" }US%{ else }not US%{ endif }\nEOT", SCOPE);
    assertThat(ifElse.display()).isEqualTo("not US\n");
    assertThat(eval("<<EOT\n%{ if var.x }a%{ endif }\nEOT", SCOPE)).isInstanceOf(TfValue.Unknown.class);
  }

  @Test
  void file_readsInsideTheTarget_only(@TempDir Path dir) throws Exception {
    Path target = Files.createDirectories(dir.resolve("repo"));
    Files.writeString(target.resolve("policy.json"), "{\"a\": 1}");
    Files.writeString(dir.resolve("outside.txt"), "secret");
    Scope scope = filesScope(target);
    assertThat(eval("jsondecode(file(\"policy.json\")).a", scope).display()).isEqualTo("1");
    assertThat(eval("file(\"../outside.txt\")", scope)).isInstanceOf(TfValue.Unknown.class);
    assertThat(eval("file(\"missing.txt\")", scope)).isInstanceOf(TfValue.Unknown.class);
    assertThat(eval("fileexists(\"policy.json\")", scope).display()).isEqualTo("true");
    Files.createSymbolicLink(target.resolve("link.txt"), dir.resolve("outside.txt"));
    assertThat(eval("file(\"link.txt\")", scope)).isInstanceOf(TfValue.Unknown.class);
  }

  private static Scope filesScope(Path dir) {
    TfFiles files = new TfFiles(dir, dir);
    Map<String, TfValue> none = new LinkedHashMap<>();
    return new Scope() {
      public TfValue binding(String name) {
        return none.get(name);
      }

      public TfValue member(String root, String name) {
        return null;
      }

      public TfFiles files() {
        return files;
      }
    };
  }
}
