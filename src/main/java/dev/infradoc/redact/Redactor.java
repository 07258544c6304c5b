package dev.infradoc.redact;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from text before it reaches the model. Every collector passes command lines,
 * environments, config lines and connection strings through here. A removed value is replaced by a
 * marker that says what was removed, e.g. {@code [redacted: password]}. Applying it twice changes
 * nothing more: markers are never redacted again.
 */
public final class Redactor {

  /** Names of variables, options and keys whose values are secrets (PASSWORD, *_KEY, apiKey, ...). */
  private static final Pattern SECRET_NAME =
      Pattern.compile(
          "(?i).*(passw(or)?d|passwd|passphrase|pwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key"
              + "|secret[_-]?key|credential|(^|[_.-])auth($|[_.-]|token|key|pass)|authorization$|session[_-]?key|signing[_-]?key|encryption[_-]?key"
              + "|client[_-]?secret|^key$|salt|requirepass|masterauth|cookie|pass$|(^|[_.-])keys?($|[_.-])"
              + "|(?-i:[a-z]Key(s|[A-Z_]|$))).*");

  /** A name with no secret inside although a word of it matches: public keys, key files, token URLs. */
  private static final Pattern PUBLIC_NAME =
      Pattern.compile("(?i).*(public[_-]?key|key[_-]?(file|path|id|name|ring)|keyspace|_url$|[_-]file$|[_-]path$"
          + "|(proxy|fastcgi|uwsgi|grpc|scgi|memcached)_pass$).*");   // nginx's *_pass names an upstream

  /** Marker text; the value patterns skip it so a second pass leaves it alone. */
  private static final String MARKER_START = "[redacted";

  private static final List<Rule> VALUE_RULES =
      List.of(
          new Rule("private key", List.of("-----BEGIN "),
              Pattern.compile("-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----.*?(-----END [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----|$)",
                  Pattern.DOTALL)),
          new Rule("aws access key", List.of("AKIA", "ASIA", "AGPA", "AIDA", "AROA", "ANPA"), Pattern.compile("\\b(AKIA|ASIA|AGPA|AIDA|AROA|ANPA)[0-9A-Z]{16}\\b")),
          new Rule("jwt", List.of("eyJ"), Pattern.compile("\\beyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}")),
          new Rule("github token", List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"), Pattern.compile("\\b(gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})")),
          new Rule("gitlab token", List.of("glpat-", "gldt-", "glrt-", "glptt-"), Pattern.compile("\\b(glpat|gldt|glrt|glptt)-[A-Za-z0-9_-]{20,}")),
          new Rule("slack token", List.of("xox", "xapp-"), Pattern.compile("\\bxox[abposre]-[A-Za-z0-9-]{10,}|\\bxapp-[0-9]-[A-Za-z0-9-]{10,}")),
          new Rule("webhook", List.of("hooks.slack.com/services/", "/api/webhooks/"), Pattern.compile(
              "(?i)(?<=hooks\\.slack\\.com/services/|discord\\.com/api/webhooks/|discordapp\\.com/api/webhooks/)[A-Za-z0-9/_-]+")),
          new Rule("stripe key", List.of("_live_", "_test_", "whsec_"), Pattern.compile("\\b(sk|rk)_(live|test)_[A-Za-z0-9]{16,}|\\bwhsec_[A-Za-z0-9]{16,}")),
          new Rule("google api key", List.of("AIza"), Pattern.compile("\\bAIza[0-9A-Za-z_-]{35}")),
          new Rule("sendgrid key", List.of("SG."), Pattern.compile("\\bSG\\.[A-Za-z0-9_-]{16,}\\.[A-Za-z0-9_-]{16,}")),
          new Rule("npm token", List.of("npm_"), Pattern.compile("\\bnpm_[A-Za-z0-9]{36}\\b")),
          new Rule("vault token", List.of("hvs.", "hvb.", "hvr."), Pattern.compile("\\bhv[sbr]\\.[A-Za-z0-9_-]{20,}")),
          new Rule("digitalocean token", List.of("_v1_"), Pattern.compile("\\bdo[por]_v1_[a-f0-9]{64}\\b")),
          new Rule("twilio key", List.of("SK"), Pattern.compile("\\bSK[0-9a-f]{32}\\b")),
          new Rule("bearer token", List.of("bearer ", "token ", "basic ", "digest "), Pattern.compile("(?i)(?<=bearer |token |basic |digest )(?!\\[redacted)[A-Za-z0-9._~+/=-]{8,}")));

  /** user:password@ in a URL; the user, host and path stay. The password runs to the last @ before the host. */
  private static final Pattern URL_CREDENTIALS =
      Pattern.compile("(?<![A-Za-z0-9+.-])([A-Za-z][A-Za-z0-9+.-]*://)([^:/@\\s\"']*):([^\\s/\"']+)@");

  /** NAME=value, NAME: value, --name value: the name decides (see {@link #isSecretName}). */
  private static final Pattern OPTION_ASSIGN =
      Pattern.compile("(?<![A-Za-z0-9_.-])(--?)?([A-Za-z][A-Za-z0-9_.-]*)(\\s*=\\s*|\\s*:\\s+|\\s+|(?<=--[A-Za-z0-9_.-]{1,64})\"\\s*,\\s*\")(\"[^\"]*\"|'[^']*'|[^\\s\"',;&]+)");

  /** "NAME": "value" and NAME = 'value' where NAME is a secret's name (JSON, YAML, HCL, env dumps). */
  private static final Pattern QUOTED_KEY =
      Pattern.compile("(?<![A-Za-z0-9_.-])([\"']?)([A-Za-z0-9_.-]+)\\1(\\s*[:=]\\s*)(\"[^\"]*\"|'[^']*')");

  /** Short options that take a password, for the programs that use them: -pSECRET, -a SECRET, -u user:SECRET. */
  private static final List<ShortOption> SHORT_OPTIONS =
      List.of(
          new ShortOption("mysql|mysqldump|mysqladmin|mariadb|mariadb-dump|mysqlimport", "-p", true, false),
          new ShortOption("redis-cli|keydb-cli", "-a", false, false),
          new ShortOption("sshpass", "-p", false, false),
          new ShortOption("mongo|mongosh|mongodump|mongorestore|mongoexport|mongoimport", "-p", false, false),
          new ShortOption("curl|wget", "-u", false, true),
          new ShortOption("curl|wget", "--user", false, true));

  /**
   * A value pattern and the literal text any match must contain (lower-case for case-insensitive
   * patterns): the regex runs only on lines that contain a hint, which keeps redaction of every
   * config line cheap.
   */
  private record Rule(String what, List<String> hints, Pattern pattern, boolean ignoreCase) {
    Rule(String what, List<String> hints, Pattern pattern) {
      this(what, hints, pattern, (pattern.flags() & Pattern.CASE_INSENSITIVE) != 0 || pattern.pattern().startsWith("(?i)"));
    }

    boolean mayMatch(String text, String lower) {
      for (String h : hints) if ((ignoreCase ? lower : text).contains(h)) return true;
      return false;
    }
  }

  /** A program's password option: attached (-pSECRET) or separate (-a SECRET); afterColon keeps user of user:pass. */
  private record ShortOption(String programs, String option, boolean attachedOnly, boolean afterColon,
      Pattern program, Pattern pattern, List<String> names) {
    ShortOption(String programs, String option, boolean attachedOnly, boolean afterColon) {
      this(programs, option, attachedOnly, afterColon,
          Pattern.compile("(?:^|[\\s/\"'])(?:" + programs + ")(?=[\\s\"']|$)"),
          pattern(option, attachedOnly, afterColon), List.of(programs.split("\\|")));
    }

    /** Cheap test before the regexes: the text names one of the programs at all. */
    boolean mayApply(String text) {
      for (String p : names) if (text.contains(p)) return true;
      return false;
    }

    private static Pattern pattern(String option, boolean attachedOnly, boolean afterColon) {
      String value = afterColon ? "([^\\s:\"']*:)([^\\s\"',\\]]+)" : "()([^\\s\"',\\]]+)";
      String sep = attachedOnly ? "(?=[^\\s-])" : (option.startsWith("--") ? "(?:=|\\s+)" : "\\s*");
      return Pattern.compile("(^|\\s|\")(" + Pattern.quote(option) + sep + ")" + value);
    }
  }

  /** A command line: options that carry secrets, connection strings, and value patterns. */
  public String commandLine(String commandLine) {
    return text(commandLine);
  }

  /** mysql's -pSECRET, redis-cli's -a SECRET, curl's -u user:SECRET: only after the program that uses them. */
  private static String redactShortOptions(String text) {
    String out = text;
    for (ShortOption o : SHORT_OPTIONS) {
      if (!o.mayApply(out)) continue;
      Matcher program = o.program().matcher(out);
      if (!program.find()) continue;
      Matcher m = o.pattern().matcher(out);
      m.region(program.end(), out.length());
      StringBuilder sb = new StringBuilder(out.substring(0, program.end()));
      int copied = program.end();
      while (m.find()) {
        if (m.group(4).startsWith(MARKER_START)) continue;
        sb.append(out, copied, m.start()).append(m.group(1)).append(m.group(2)).append(m.group(3)).append(marker("password"));
        copied = m.end();
      }
      out = sb.append(out, copied, out.length()).toString();
    }
    return out;
  }

  /** One environment variable's value, judged by its name and then by its content. */
  public String envValue(String name, String value) {
    if (isSecretName(name) && !value.isEmpty() && !looksLikeUrl(value) && !value.startsWith(MARKER_START)) {
      return marker(kindOf(name));
    }
    return text(value);
  }

  /**
   * Texts already redacted, with their result: the same text reaches here more than once (a
   * collector redacts it, then the pipeline's last pass over every fragment does again, see
   * FragmentRedaction), and {@link #text} is a pure function of its text. Bounded, so a long fleet
   * scan does not keep every line it read.
   */
  private final Map<String, String> known = new ConcurrentHashMap<>();
  private final AtomicLong knownChars = new AtomicLong();

  private static final int KNOWN_MAX_LENGTH = 1024;
  private static final long KNOWN_MAX_CHARS = 8L << 20;

  /** Free text: a config line, an excerpt, a URL. */
  public String text(String text) {
    if (text == null || text.isEmpty()) return "";
    if (text.length() > KNOWN_MAX_LENGTH) return redact(text);
    String out = known.get(text);
    if (out == null) {
      out = redact(text);
      if (knownChars.get() < KNOWN_MAX_CHARS && known.putIfAbsent(text, out) == null) {
        knownChars.addAndGet(text.length() + (out == text ? 0 : out.length()));
      }
    }
    return out;
  }

  private static String redact(String text) {
    String out = text;
    String lower = out.toLowerCase(Locale.ROOT);
    for (Rule rule : VALUE_RULES) {
      if (!rule.mayMatch(out, lower)) continue;
      out = rule.pattern.matcher(out).replaceAll(Matcher.quoteReplacement(marker(rule.what)));
      lower = out.toLowerCase(Locale.ROOT);
    }
    if (out.contains("://") && out.indexOf('@') >= 0) {
      out = URL_CREDENTIALS.matcher(out).replaceAll(
          mr -> Matcher.quoteReplacement(mr.group(3).startsWith(MARKER_START) ? mr.group()
              : mr.group(1) + mr.group(2) + ":" + marker("password") + "@"));
      lower = out.toLowerCase(Locale.ROOT);
    }
    // Both passes below replace a value only after a name that isSecretName accepts, and such a
    // name contains one of SECRET_WORDS: text without any of them (most text) is left as it is.
    if (containsSecretWord(lower)) out = redactAssignments(redactQuotedKeys(out));
    return redactShortOptions(out);
  }

  private static boolean containsSecretWord(String lower) {
    for (String word : SECRET_WORDS) if (lower.contains(word)) return true;
    return false;
  }

  private static String redactAssignments(String text) {
    Matcher m = OPTION_ASSIGN.matcher(text);
    StringBuilder sb = new StringBuilder();
    int copied = 0;
    int from = 0;
    while (from < text.length() && m.find(from)) {
      String dashes = m.group(1) == null ? "" : m.group(1);
      String name = m.group(2);
      String value = m.group(4);
      // "--token abc" and "token: abc" name a value; "the token abc" in prose does not.
      boolean named = !m.group(3).isBlank() || !dashes.isEmpty();
      if (m.group(3).startsWith("\"") && value.endsWith("\"")) value = value.substring(0, value.length() - 1);
      // YAML's "key:" names a key (selectors, tolerations, secretKeyRef), not a secret.
      boolean yamlKey = name.equalsIgnoreCase("key") && m.group(3).strip().equals(":");
      if (named && !yamlKey && isSecretName(name) && !isPlaceholder(value)) {
        sb.append(text, copied, m.start()).append(dashes).append(name).append(m.group(3))
            .append(quoted(value, marker(kindOf(name))));
        copied = m.end();
        from = m.end();
      } else {
        // The value may itself be the next NAME=value or --option (as in "--verbose --password=x").
        from = m.start(4) + (m.group(4).startsWith("\"") || m.group(4).startsWith("'") ? 1 : 0);
      }
    }
    return sb.append(text, copied, text.length()).toString();
  }

  private static String redactQuotedKeys(String text) {
    Matcher m = QUOTED_KEY.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String value = m.group(4);
      String inner = value.substring(1, value.length() - 1);
      boolean secret = isSecretName(m.group(2)) && !isPlaceholder(inner) && !looksLikeUrl(inner);
      String replacement = secret
          ? m.group(1) + m.group(2) + m.group(1) + m.group(3) + value.charAt(0) + marker(kindOf(m.group(2))) + value.charAt(0)
          : m.group();
      m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /** True when a variable, option or key of this name holds a secret. */
  public static boolean isSecretName(String name) {
    // Every alternative of SECRET_NAME contains one of these words; most names contain none, and
    // this check runs for every word of every line read, so it must be cheap.
    return containsSecretWord(name.toLowerCase(Locale.ROOT)) && SECRET_NAME.matcher(name).matches() && !PUBLIC_NAME.matcher(name).matches();
  }

  private static final List<String> SECRET_WORDS =
      List.of("pass", "pwd", "secret", "token", "key", "credential", "auth", "salt", "cookie");

  public static String marker(String what) {
    return "[redacted: " + what + "]";
  }

  /** Values that are not secrets themselves: empty, already redacted, references to elsewhere. */
  private static boolean isPlaceholder(String value) {
    String v = value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'') ? value.substring(1, value.length() - 1) : value;
    return v.isEmpty() || v.startsWith(MARKER_START) || v.startsWith("${") || v.startsWith("{{") || v.startsWith("$(")
        || v.startsWith("var.") || v.startsWith("local.") || v.startsWith("data.") || v.startsWith("module.")
        || v.matches("\\$[A-Za-z_][A-Za-z0-9_]*") || looksLikeUrl(v) && !URL_CREDENTIALS.matcher(v).find();
  }

  private static String quoted(String original, String marker) {
    char q = original.isEmpty() ? ' ' : original.charAt(0);
    return q == '"' || q == '\'' ? q + marker + q : marker;
  }

  private static String kindOf(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.contains("token")) return "token";
    if (n.contains("secret")) return "secret";
    if (n.contains("key")) return "key";
    if (n.contains("credential")) return "credential";
    if (n.contains("cookie") || n.contains("session")) return "session";
    return "password";
  }

  private static boolean looksLikeUrl(String value) {
    return value.matches("(?s)[A-Za-z][A-Za-z0-9+.-]*://.*");
  }
}
