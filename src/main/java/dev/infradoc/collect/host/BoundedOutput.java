package dev.infradoc.collect.host;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** An output sink that keeps at most a fixed number of bytes, drops the rest and remembers it did. */
public final class BoundedOutput extends OutputStream {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
  private final int max;
  private boolean truncated;

  public BoundedOutput(int max) {
    this.max = max;
  }

  @Override
  public synchronized void write(int b) {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) {
    int room = max - bytes.size();
    if (len > room) {
      truncated = true;
      len = Math.max(room, 0);
    }
    bytes.write(b, off, len);
  }

  /** Copies a stream into this sink until it ends. */
  public void drain(InputStream in) throws IOException {
    byte[] chunk = new byte[65536];
    int n;
    while ((n = in.read(chunk)) >= 0) write(chunk, 0, n);
  }

  public synchronized boolean truncated() {
    return truncated;
  }

  /** The bytes as UTF-8; invalid sequences become U+FFFD, so binary output cannot break parsing. */
  public synchronized String text() {
    return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
  }
}
