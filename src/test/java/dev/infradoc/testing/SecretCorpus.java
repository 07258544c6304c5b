package dev.infradoc.testing;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** The committed secret samples (src/test/resources/secrets/corpus.yaml) and how to look for them in output. */
public final class SecretCorpus {

  /** One sample: where it is planted, its form, the planted text ({s} = the secret), the secret, an env name. */
  public record Sample(String where, String form, String text, String secret, String name) {
    /** The text as planted, with the secret in place. */
    public String planted() {
      return text.replace("{s}", secret);
    }

    /** For an environment: the value after NAME=, with \n escapes as real newlines. */
    public String envValue() {
      String p = planted();
      return p.substring(p.indexOf('=') + 1).replace("\\n", "\n");
    }

    @Override
    public String toString() {
      return where + ": " + form;
    }
  }

  private SecretCorpus() {}

  public static List<Sample> all() {
    try (InputStream in = SecretCorpus.class.getResourceAsStream("/secrets/corpus.yaml")) {
      return new ObjectMapper(new YAMLFactory()).readValue(in, new TypeReference<List<Sample>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<Sample> where(String... places) {
    List<String> wanted = List.of(places);
    return all().stream().filter(s -> wanted.contains(s.where())).toList();
  }

  /** Every sample found in the text, as written or base64-encoded (standard and URL alphabets). */
  public static List<String> leaks(String text, List<Sample> samples) {
    List<String> found = new ArrayList<>();
    for (Sample s : samples) {
      byte[] bytes = s.secret().getBytes(StandardCharsets.UTF_8);
      for (String form : List.of(s.secret(), Base64.getEncoder().withoutPadding().encodeToString(bytes),
          Base64.getUrlEncoder().withoutPadding().encodeToString(bytes))) {
        if (text.contains(form)) {
          found.add(s + " (" + (form.equals(s.secret()) ? "as written" : "base64") + ")");
          break;
        }
      }
    }
    return found;
  }
}
