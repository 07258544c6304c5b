package dev.infradoc.collect.terraform;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The files Terraform's file() and templatefile() may read, as Terraform would find them: relative
 * to the root module's directory. Only files inside the scanned target are read (a path, or a link,
 * leading elsewhere is not followed), small and UTF-8; anything else stays as written.
 */
final class TfFiles {
  private static final long MAX_BYTES = 512 * 1024;
  private final Path cwd;
  private final Path target;

  /** @param cwd the root module's directory; @param target the scanned directory */
  TfFiles(Path cwd, Path target) {
    this.cwd = cwd.toAbsolutePath().normalize();
    this.target = target.toAbsolutePath().normalize();
  }

  /** The file as a path relative to the target (forward slashes), or null when it is not one we may read. */
  String relative(String path) {
    Path p = resolve(path);
    return p == null ? null : target.relativize(p).toString().replace('\\', '/');
  }

  /** The file's text, or null when it is outside the target, missing, too large or not UTF-8. */
  String read(String path) {
    Path p = resolve(path);
    if (p == null) return null;
    try {
      if (Files.size(p) > MAX_BYTES) return null;
      byte[] bytes = Files.readAllBytes(p);
      return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private Path resolve(String path) {
    if (path == null || path.isEmpty() || path.indexOf('\0') >= 0) return null;
    try {
      Path p = cwd.resolve(path).normalize();
      if (!p.startsWith(target) || !Files.isRegularFile(p)) return null;
      Path real = p.toRealPath();
      return real.startsWith(target.toRealPath()) ? p : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
