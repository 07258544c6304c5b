package dev.infradoc.knowledge;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The name a process is known by. For a native program it is argv[0]'s base name without
 * decorations ({@code nginx: master process} is nginx, {@code -bash} is bash); for an interpreter
 * it is what the interpreter runs: the script, the {@code -m} module, the jar or the main class.
 */
public final class ProgramName {
  private static final Set<String> PYTHON_OPTIONS_WITH_VALUE = Set.of("-W", "-X", "--check-hash-based-pycs");
  private static final Set<String> JAVA_OPTIONS_WITH_VALUE = Set.of("-cp", "-classpath", "--class-path", "-p", "--module-path", "--add-opens", "--add-exports", "--add-modules", "--add-reads", "--patch-module", "--upgrade-module-path", "--limit-modules");
  // Options of the other interpreters that take their value as the next argument; without them
  // "php -d memory_limit=512M artisan" would be named after the setting, not the script.
  private static final Map<String, Set<String>> OPTIONS_WITH_VALUE = Map.of(
      "node", Set.of("-r", "--require", "--import", "--loader", "--experimental-loader", "--env-file", "--inspect-port", "--title", "-C", "--conditions"),
      "ruby", Set.of("-r", "-I", "-C", "-E", "--encoding"),
      "php", Set.of("-c", "-d", "-z"),
      "perl", Set.of("-I"));
  // Options that run code given on the command line: there is no script to name the process by.
  private static final Map<String, Set<String>> INLINE_CODE = Map.of(
      "node", Set.of("-e", "--eval", "-p", "--print"),
      "ruby", Set.of("-e"),
      "php", Set.of("-r"),
      "perl", Set.of("-e", "-E"));

  private ProgramName() {}

  /** @param argv the command line split on whitespace (as ps prints it) */
  public static String of(List<String> argv) {
    if (argv.isEmpty()) return "";
    String base = baseName(argv.get(0));
    // "-bash" is a login shell; "@dbus-daemon" is systemd's "@" ExecStart prefix setting argv[0]
    if (base.startsWith("-") || base.startsWith("@")) base = base.substring(1);
    if (base.endsWith(":")) base = base.substring(0, base.length() - 1);
    if (isPython(base)) return scriptOrModule(base, argv, PYTHON_OPTIONS_WITH_VALUE, Set.of("-c"), true);
    String family = interpreterFamily(base);
    if (family != null) {
      return scriptOrModule(base, argv, OPTIONS_WITH_VALUE.get(family), INLINE_CODE.get(family), false);
    }
    if (base.equals("java")) return javaMain(argv);
    if (base.equals("dotnet")) return dotnetAssembly(argv);
    return base;
  }

  /** The interpreter or binary (argv[0]'s base name), e.g. {@code python3.11}. */
  public static String binary(List<String> argv) {
    return argv.isEmpty() ? "" : baseName(argv.get(0));
  }

  public static boolean isPython(String base) {
    return base.matches("python[0-9.]*");
  }

  private static String interpreterFamily(String base) {
    if (base.equals("node") || base.equals("nodejs")) return "node";
    if (base.matches("ruby[0-9.]*")) return "ruby";
    if (base.matches("php[0-9.]*")) return "php";
    if (base.matches("perl[0-9.]*")) return "perl";
    return null;
  }

  private static String scriptOrModule(String interpreter, List<String> argv, Set<String> withValue,
      Set<String> inlineCode, boolean python) {
    for (int i = 1; i < argv.size(); i++) {
      String a = argv.get(i);
      if (python && a.equals("-m") && i + 1 < argv.size()) return argv.get(i + 1);
      if (inlineCode.contains(a)) return interpreter;
      if (withValue.contains(a)) {
        i++;
        continue;
      }
      if (a.equals("--")) continue;
      if (a.startsWith("-")) continue;
      return baseName(a);
    }
    return interpreter;
  }

  private static String javaMain(List<String> argv) {
    for (int i = 1; i < argv.size(); i++) {
      String a = argv.get(i);
      if (a.equals("-jar") && i + 1 < argv.size()) return baseName(argv.get(i + 1));
      // -m module/main.Class: the class names the program; a bare module name is all there is
      if ((a.equals("-m") || a.equals("--module")) && i + 1 < argv.size()) return moduleMain(argv.get(i + 1));
      if (a.startsWith("--module=")) return moduleMain(a.substring("--module=".length()));
      if (JAVA_OPTIONS_WITH_VALUE.contains(a)) {
        i++;
        continue;
      }
      if (a.startsWith("-")) continue;
      return a;
    }
    return "java";
  }

  private static String moduleMain(String spec) {
    int slash = spec.indexOf('/');
    return slash >= 0 ? spec.substring(slash + 1) : spec;
  }

  // "dotnet Shop.Api.dll" runs an assembly; "dotnet run" or "dotnet exec" name no program
  private static String dotnetAssembly(List<String> argv) {
    for (int i = 1; i < argv.size(); i++) {
      if (argv.get(i).endsWith(".dll")) return baseName(argv.get(i));
    }
    return "dotnet";
  }

  static String baseName(String path) {
    int slash = path.lastIndexOf('/');
    return slash >= 0 ? path.substring(slash + 1) : path;
  }
}
