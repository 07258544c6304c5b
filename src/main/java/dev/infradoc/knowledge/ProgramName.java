package dev.infradoc.knowledge;

import java.util.List;
import java.util.Set;

/**
 * The name a process is known by. For a native program it is argv[0]'s base name without
 * decorations ({@code nginx: master process} is nginx, {@code -bash} is bash); for an interpreter
 * it is what the interpreter runs: the script, the {@code -m} module, the jar or the main class.
 */
public final class ProgramName {
  private static final Set<String> PYTHON_OPTIONS_WITH_VALUE = Set.of("-W", "-X", "-c", "--check-hash-based-pycs");
  private static final Set<String> JAVA_OPTIONS_WITH_VALUE = Set.of("-cp", "-classpath", "--class-path", "-p", "--module-path", "--add-opens", "--add-exports", "--add-modules");

  private ProgramName() {}

  /** @param argv the command line split on whitespace (as ps prints it) */
  public static String of(List<String> argv) {
    if (argv.isEmpty()) return "";
    String first = argv.get(0);
    String base = baseName(first);
    if (base.startsWith("-")) base = base.substring(1);
    if (base.endsWith(":")) base = base.substring(0, base.length() - 1);
    if (isPython(base)) return scriptOrModule(argv, PYTHON_OPTIONS_WITH_VALUE, true);
    if (base.matches("(node|nodejs|ruby[0-9.]*|php[0-9.]*|perl)")) return scriptOrModule(argv, Set.of("-r", "--require", "-e"), false);
    if (base.equals("java")) return javaMain(argv);
    return base;
  }

  /** The interpreter or binary (argv[0]'s base name), e.g. {@code python3.11}. */
  public static String binary(List<String> argv) {
    return argv.isEmpty() ? "" : baseName(argv.get(0));
  }

  public static boolean isPython(String base) {
    return base.matches("python[0-9.]*");
  }

  private static String scriptOrModule(List<String> argv, Set<String> withValue, boolean python) {
    for (int i = 1; i < argv.size(); i++) {
      String a = argv.get(i);
      if (python && a.equals("-m") && i + 1 < argv.size()) return argv.get(i + 1);
      if (withValue.contains(a)) {
        i++;
        continue;
      }
      if (a.startsWith("-")) continue;
      return baseName(a);
    }
    return baseName(argv.get(0));
  }

  private static String javaMain(List<String> argv) {
    for (int i = 1; i < argv.size(); i++) {
      String a = argv.get(i);
      if (a.equals("-jar") && i + 1 < argv.size()) return baseName(argv.get(i + 1));
      if (JAVA_OPTIONS_WITH_VALUE.contains(a)) {
        i++;
        continue;
      }
      if (a.startsWith("-")) continue;
      return a;
    }
    return "java";
  }

  static String baseName(String path) {
    int slash = path.lastIndexOf('/');
    return slash >= 0 ? path.substring(slash + 1) : path;
  }
}
