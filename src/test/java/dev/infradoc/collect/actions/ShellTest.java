package dev.infradoc.collect.actions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellTest {
  @Test
  void commands_splitAtSeparators_andKeepExpressionsAndSubstitutionsWhole() {
    assertThat(Shell.commands("cd infra && terraform apply -auto-approve; echo done | tee log"))
        .containsExactly(List.of("cd", "infra"), List.of("terraform", "apply", "-auto-approve"), List.of("echo", "done"), List.of("tee", "log"));
    assertThat(Shell.commands("docker build -t \"ghcr.io/acme/web:${{ github.sha }}\" -t 'x y' $(git rev-parse --show-toplevel)/web # build"))
        .containsExactly(List.of("docker", "build", "-t", "ghcr.io/acme/web:${{ github.sha }}", "-t", "x y", "$(git rev-parse --show-toplevel)/web"));
  }

  @Test
  void args_tellOptionsWithValuesFromPositionals() {
    Shell.Args a = Shell.Args.of(List.of("-chdir=infra/prod", "apply", "-auto-approve", "tfplan"));
    assertThat(a.value("-chdir")).isEqualTo("infra/prod");
    assertThat(a.positionals()).containsExactly("apply", "tfplan");
    Shell.Args b = Shell.Args.of(List.of("build", "--push", "-t", "a:1", "--tag=b:2", "-f", "api/Dockerfile", "."));
    assertThat(b.values("-t", "--tag")).containsExactly("a:1", "b:2");
    assertThat(b.positionals()).containsExactly("build", ".");
    assertThat(b.has("--push")).isTrue();
  }
}
