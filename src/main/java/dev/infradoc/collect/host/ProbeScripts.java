package dev.infradoc.collect.host;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;

/** The fixed, read-only probe scripts shipped in the jar, and the per-run marker nonce. */
final class ProbeScripts {
  static final String ROUND1 = read("round1.sh");
  static final String ROUND2 = read("round2.sh");
  private static final SecureRandom RANDOM = new SecureRandom();

  private ProbeScripts() {}

  static String nonce() {
    byte[] b = new byte[8];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  private static String read(String name) {
    try (InputStream in = ProbeScripts.class.getResourceAsStream("/probe/" + name)) {
      if (in == null) throw new IllegalStateException("probe script missing from the jar: " + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
