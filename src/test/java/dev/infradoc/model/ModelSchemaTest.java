package dev.infradoc.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every model.json the golden tests expect conforms to the published schema (schema/model.schema.json). */
class ModelSchemaTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Path> models() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("src/test/resources"))) {
      return files.filter(p -> p.getFileName().toString().equals("model.json")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("models")
  void goldenModel_conformsToTheSchema(Path model) throws IOException {
    JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
        .getSchema(JSON.readTree(Path.of("schema/model.schema.json").toFile()));
    JsonNode node = JSON.readTree(model.toFile());
    Set<ValidationMessage> errors = schema.validate(node);
    assertThat(errors).as(model.toString()).isEmpty();
  }
}
