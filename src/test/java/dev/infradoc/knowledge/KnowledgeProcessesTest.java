package dev.infradoc.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.infradoc.model.ComponentKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Checks processes.yaml against the real command lines in processes-cases.yaml. */
class KnowledgeProcessesTest {
  private static final Knowledge KNOWLEDGE = Knowledge.load();
  private static final JsonNode CASES = readCases();

  /** One command line and what it must (or must not) be. */
  record Case(String entry, String line, String why) {
    @Override
    public String toString() {
      return entry + " <- " + line;
    }
  }

  static Stream<Case> matches() {
    return cases("matches", "expect");
  }

  static Stream<Case> doesNotMatch() {
    return cases("doesNotMatch", "not");
  }

  static Stream<Case> matchesNothing() {
    return cases("matchesNothing", "none");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("matches")
  void process_isTheExpectedEntry_forARealCommandLine(Case c) {
    assertThat(classify(c.line()).map(ProcessSignature::id))
        .as("program '%s' of: %s", program(c.line()), c.line())
        .contains(c.entry());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("doesNotMatch")
  void process_isNotTheNamedEntry_forALookAlikeCommandLine(Case c) {
    assertThat(classify(c.line()).map(ProcessSignature::id))
        .as("program '%s' of: %s (%s)", program(c.line()), c.line(), c.why())
        .isNotEqualTo(Optional.of(c.entry()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("matchesNothing")
  void process_matchesNoEntry_forAnUnknownCommandLine(Case c) {
    assertThat(classify(c.line()).map(ProcessSignature::id))
        .as("program '%s' of: %s (%s)", program(c.line()), c.line(), c.why())
        .isEmpty();
  }

  @Test
  void everyEntry_hasAPositiveCase() {
    Set<String> covered = matches().map(Case::entry).collect(Collectors.toSet());
    List<String> uncovered = KNOWLEDGE.processes().stream().map(ProcessSignature::id)
        .filter(id -> !covered.contains(id)).toList();
    assertThat(uncovered).as("entries of processes.yaml without a case in processes-cases.yaml").isEmpty();
  }

  @Test
  void everyCase_namesAnExistingEntry() {
    Set<String> ids = KNOWLEDGE.processes().stream().map(ProcessSignature::id).collect(Collectors.toSet());
    Set<String> named = new TreeSet<>();
    Stream.concat(matches(), doesNotMatch()).map(Case::entry).forEach(named::add);
    named.removeAll(ids);
    assertThat(named).as("ids in processes-cases.yaml that processes.yaml lacks").isEmpty();
  }

  @Test
  void entries_haveUniqueIdsKnownKindsAndRoles() {
    List<ProcessSignature> all = KNOWLEDGE.processes();
    assertThat(all.stream().map(ProcessSignature::id)).doesNotHaveDuplicates();
    assertThat(all).allSatisfy(s -> {
      assertThat(ComponentKind.fromId(s.kind())).as(s.id()).isNotNull();
      assertThat(s.role()).as(s.id()).isIn("service", "system", "session");
      assertThat(!s.programs().isEmpty() || s.programPattern() != null)
          .as("%s names no program: it would match every process", s.id()).isTrue();
    });
  }

  private static Optional<ProcessSignature> classify(String line) {
    return KNOWLEDGE.process(program(line), line);
  }

  private static String program(String line) {
    return ProgramName.of(List.of(line.split("\\s+")));
  }

  private static Stream<Case> cases(String section, String key) {
    JsonNode list = CASES.path(section);
    assertThat(list.isArray() && !list.isEmpty()).as("section %s in processes-cases.yaml", section).isTrue();
    List<Case> out = new ArrayList<>();
    for (JsonNode n : list) {
      out.add(new Case(n.path(key).asText(key), n.path("line").asText(), n.path("why").asText("")));
    }
    return out.stream();
  }

  private static JsonNode readCases() {
    try (InputStream in = KnowledgeProcessesTest.class.getResourceAsStream("/knowledge/processes-cases.yaml")) {
      assertThat(in).as("processes-cases.yaml on the test classpath").isNotNull();
      return new ObjectMapper(new YAMLFactory()).readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
