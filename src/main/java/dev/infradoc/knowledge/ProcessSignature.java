package dev.infradoc.knowledge;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What a process is, from processes.yaml. A process matches when its program name is one of
 * {@code programs} (exact) or matches {@code programPattern}, and, when {@code args} is set, its
 * full command line matches that pattern too.
 *
 * @param role "service" (documented as a component), "system" (a platform daemon), or "session"
 *     (an interactive login or the scanner's own footprint: never a component)
 */
public record ProcessSignature(
    String id,
    String name,
    String technology,
    String kind,
    String language,
    String role,
    List<String> programs,
    Pattern programPattern,
    Pattern args,
    List<String> packages,
    String workerArgs) {

  public boolean matches(String program, String commandLine) {
    boolean byName =
        programs.contains(program) || (programPattern != null && programPattern.matcher(program).matches());
    if (programs.isEmpty() && programPattern == null) byName = true;
    return byName && (args == null || args.matcher(commandLine).find());
  }
}
