package dev.infradoc.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Property-test input for parsers: a real fixture cut at any point, or with one character replaced or inserted anywhere. */
public final class BrokenText {
  private BrokenText() {}

  /** @param fixtures files under {@code root}; @param alphabet the characters that break this format */
  public static Arbitrary<String> of(Path root, List<String> fixtures, Character... alphabet) {
    return Arbitraries.of(fixtures).flatMap(name -> {
      String text = read(root.resolve(name));
      Arbitrary<Integer> at = Arbitraries.integers().between(0, text.length());
      Arbitrary<Character> c = Arbitraries.of(alphabet);
      return Arbitraries.oneOf(
          at.map(i -> text.substring(0, i)),
          Combinators.combine(at, c).as((i, ch) -> text.substring(0, i) + ch + text.substring(Math.min(text.length(), i + 1))),
          Combinators.combine(at, c).as((i, ch) -> text.substring(0, i) + ch + text.substring(i)));
    });
  }

  public static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
