package dev.infradoc.collect.host.ssh;

import java.util.List;

/**
 * The one command line sent in an SSH exec request. The server hands it to the login shell, so every
 * word is single-quoted: nothing in the script or the arguments is expanded before {@code sh} runs.
 */
final class RemoteCommand {
  private RemoteCommand() {}

  /** {@code [sudo -n] sh -c 'SCRIPT' infradoc 'ARG'...}, the same argv that LocalShell runs. */
  static String line(boolean sudo, String script, List<String> args) {
    StringBuilder b = new StringBuilder();
    if (sudo) b.append("sudo -n ");
    b.append("sh -c ").append(quote(script)).append(" infradoc");
    for (String arg : args) b.append(' ').append(quote(arg));
    return b.toString();
  }

  /**
   * POSIX single quoting: inside single quotes nothing is special except the closing quote, so an
   * embedded quote ends the quoted run, is written escaped, and a new run starts.
   */
  static String quote(String word) {
    if (word.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("a NUL byte cannot be passed in a command line");
    }
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
