package dev.infradoc.history;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.TreeSet;

/**
 * The name under which scans of the same targets are kept: a hash of the sorted, distinct target
 * names, so the order they were given in does not matter and no target text (which could hold
 * anything a user typed) becomes a file name or is stored outside model.json.
 */
public final class TargetsKey {
  private static final int LENGTH = 16;

  private TargetsKey() {}

  public static String of(Collection<String> targets) {
    if (targets.isEmpty()) throw new IllegalArgumentException("no targets");
    String joined = String.join("\n", new TreeSet<>(targets));
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(joined.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash).substring(0, LENGTH);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** True when {@code text} has the form of a key (so it can name a folder safely). */
  public static boolean isKey(String text) {
    return text.length() == LENGTH && text.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
  }
}
