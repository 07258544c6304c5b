package dev.infradoc.collect.actions;

import java.util.ArrayList;
import java.util.List;

/**
 * Just enough of a shell line to read a command's words: split into commands at {@code ;},
 * {@code &&}, {@code ||} and {@code |}, words at blanks, quotes removed, {@code ${{ ... }}} kept
 * whole. Nothing is evaluated.
 */
final class Shell {
  private Shell() {}

  static List<List<String>> commands(String line) {
    List<List<String>> out = new ArrayList<>();
    List<String> words = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == quote) quote = 0;
        else w.append(c);
        continue;
      }
      if (line.startsWith("${{", i)) {
        int end = line.indexOf("}}", i);
        end = end < 0 ? line.length() : end + 2;
        w.append(line, i, end);
        inWord = true;
        i = end - 1;
        continue;
      }
      if (line.startsWith("$(", i) || c == '`') {
        // A command substitution is one part of the word it stands in.
        int end = substitution(line, i);
        w.append(line, i, end);
        inWord = true;
        i = end - 1;
        continue;
      }
      if (c == '#' && !inWord) break; // a comment
      if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
      } else if (Character.isWhitespace(c) || c == ';' || c == '|' || c == '&') {
        if (inWord) words.add(w.toString());
        w.setLength(0);
        inWord = false;
        if (c != ' ' && c != '\t' && !words.isEmpty()) {
          out.add(words);
          words = new ArrayList<>();
        }
      } else {
        w.append(c);
        inWord = true;
      }
    }
    if (inWord) words.add(w.toString());
    if (!words.isEmpty()) out.add(words);
    return out;
  }

  /** The end (exclusive) of the {@code $(...)} or backquoted substitution starting at {@code i}. */
  private static int substitution(String line, int i) {
    if (line.charAt(i) == '`') {
      int end = line.indexOf('`', i + 1);
      return end < 0 ? line.length() : end + 1;
    }
    int depth = 0;
    for (int j = i + 1; j < line.length(); j++) {
      if (line.charAt(j) == '(') depth++;
      if (line.charAt(j) == ')' && --depth == 0) return j + 1;
    }
    return line.length();
  }

  /** A command's words after the program: options ({@code -t X}, {@code --tag=X}, {@code -chdir=X}) and the rest. */
  record Args(List<String> words, List<String[]> options, List<String> positionals) {
    /** Options that take the next word as their value, for the tools read here. */
    private static final List<String> VALUED = List.of("-t", "--tag", "-f", "--file", "--filename", "-k", "--kustomize",
        "--build-arg", "--target", "--platform", "--label", "--cache-from", "--cache-to", "--secret", "--network", "--progress",
        "-o", "--output", "--iidfile", "--ssh", "--build-context", "-n", "--namespace", "--set", "--set-string", "--set-file",
        "--set-json", "--values", "--version", "--timeout", "--kube-context", "--kubeconfig", "--context", "--repo", "--cluster",
        "--service", "--region", "--profile", "-p", "--project-name", "--project-directory", "--env-file", "--profile",
        "--task-definition", "-l", "--selector", "--field-manager", "-var", "-var-file", "-target", "-lock-timeout",
        "--description", "--post-renderer", "--username", "--password", "--history-max");

    static Args of(List<String> words) {
      List<String[]> options = new ArrayList<>();
      List<String> positionals = new ArrayList<>();
      for (int i = 0; i < words.size(); i++) {
        String word = words.get(i);
        if (word.startsWith("-") && word.length() > 1) {
          int eq = word.indexOf('=');
          if (eq > 0) options.add(new String[] {word.substring(0, eq), word.substring(eq + 1)});
          else if (VALUED.contains(word) && i + 1 < words.size()) options.add(new String[] {word, words.get(++i)});
          else options.add(new String[] {word, ""});
        } else {
          positionals.add(word);
        }
      }
      return new Args(words, options, positionals);
    }

    String positional(int i) {
      return i < positionals.size() ? positionals.get(i) : "";
    }

    List<String> values(String... names) {
      List<String> out = new ArrayList<>();
      for (String[] o : options) {
        if (List.of(names).contains(o[0])) out.add(o[1]);
      }
      return out;
    }

    String value(String... names) {
      List<String> v = values(names);
      return v.isEmpty() ? "" : v.get(v.size() - 1);
    }

    boolean has(String... names) {
      return options.stream().anyMatch(o -> List.of(names).contains(o[0]));
    }
  }
}
