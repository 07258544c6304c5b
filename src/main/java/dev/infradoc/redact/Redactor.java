package dev.infradoc.redact;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from text before it reaches the model. Every collector passes command lines,
 * environments, config lines and connection strings through here. A removed value is replaced by a
 * marker that says what was removed, e.g. {@code [redacted: password]}.
 */
public final class Redactor {

  /** Names of variables, options and keys whose values are secrets. */
  private static final Pattern SECRET_NAME =
      Pattern.compile(
          "(?i).*(passw(or)?d|passwd|pwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|"
              + "secret[_-]?key|credential|auth|session[_-]?key|signing[_-]?key|encryption[_-]?key"
              + "|client[_-]?secret|^key$|_key$|-key$|salt|cookie|pass$).*");

  private static final List<Rule> VALUE_RULES =
      List.of(
          new Rule("private key",
              Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----.*?(-----END [A-Z ]*PRIVATE KEY-----|$)",
                  Pattern.DOTALL)),
          new Rule("aws access key", Pattern.compile("\\b(AKIA|ASIA)[0-9A-Z]{16}\\b")),
          new Rule("jwt", Pattern.compile("\\beyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}")),
          new Rule("github token", Pattern.compile("\\b(gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})")),
          new Rule("slack token", Pattern.compile("\\bxox[abposr]-[A-Za-z0-9-]{10,}")),
          new Rule("stripe key", Pattern.compile("\\b(sk|rk)_(live|test)_[A-Za-z0-9]{16,}")),
          new Rule("google api key", Pattern.compile("\\bAIza[0-9A-Za-z_-]{35}")),
          new Rule("bearer token", Pattern.compile("(?i)(?<=bearer )[A-Za-z0-9._~+/=-]{12,}")));

  /** user:password@ in a URL; the user, host and path stay. */
  private static final Pattern URL_CREDENTIALS =
      Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)([^:/@\\s]*):([^@/\\s]+)@");

  /** --password=x, --db-token x, -p=x forms on a command line or in config text. */
  private static final Pattern OPTION_ASSIGN =
      Pattern.compile("(?i)((?:--?|\\b)[A-Za-z0-9_.-]*(?:passw(?:or)?d|passwd|(?:require|[_-])pass(?![A-Za-z])|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credentials?)[A-Za-z0-9_.-]*)(\\s*[=:]\\s*|\\s+)(\"[^\"]*\"|'[^']*'|[^\\s\"',;]+)");

  /** nginx's proxy_pass and friends name an upstream, not a password. */
  private static final Pattern NGINX_PASS =
      Pattern.compile("(?i)(proxy|fastcgi|uwsgi|grpc|scgi|memcached)_pass");

  /** "NAME": "value" and NAME: value where NAME is a secret's name (JSON, YAML, env dumps). */
  private static final Pattern QUOTED_KEY =
      Pattern.compile("([\"']?)([A-Za-z0-9_.-]+)\\1(\\s*[:=]\\s*)(\"[^\"]*\"|'[^']*')");

  /** mysql's -pSECRET (no space). */
  private static final Pattern MYSQL_SHORT_PASSWORD = Pattern.compile("(^|\\s)-p(?=[^\\s-])(\\S+)");

  private record Rule(String what, Pattern pattern) {}

  /** A command line: options that carry secrets, connection strings, and value patterns. */
  public String commandLine(String commandLine) {
    String out = text(commandLine);
    if (looksLikeMysqlClient(out)) {
      out = MYSQL_SHORT_PASSWORD.matcher(out).replaceAll("$1-p" + Matcher.quoteReplacement(marker("password")));
    }
    return out;
  }

  /** One environment variable's value, judged by its name and then by its content. */
  public String envValue(String name, String value) {
    if (isSecretName(name) && !value.isEmpty() && !looksLikeUrl(value)) {
      return marker(kindOf(name));
    }
    return text(value);
  }

  /** Free text: a config line, an excerpt, a URL. */
  public String text(String text) {
    if (text == null || text.isEmpty()) return "";
    String out = text;
    for (Rule rule : VALUE_RULES) {
      out = rule.pattern.matcher(out).replaceAll(Matcher.quoteReplacement(marker(rule.what)));
    }
    out = URL_CREDENTIALS.matcher(out).replaceAll("$1$2:" + Matcher.quoteReplacement(marker("password")) + "@");
    out = redactQuotedKeys(out);
    Matcher m = OPTION_ASSIGN.matcher(out);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String value = m.group(3);
      boolean proxyDirective = NGINX_PASS.matcher(m.group(1)).matches();
      String replacement = proxyDirective || value.startsWith("[redacted") || value.startsWith("$") || value.startsWith("{")
          ? m.group()
          : m.group(1) + m.group(2) + marker(kindOf(m.group(1)));
      m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private static String redactQuotedKeys(String text) {
    Matcher m = QUOTED_KEY.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String value = m.group(4);
      String inner = value.substring(1, value.length() - 1);
      boolean secret = isSecretName(m.group(2)) && !inner.isEmpty() && !inner.startsWith("[redacted")
          && !inner.startsWith("$") && !looksLikeUrl(inner);
      String replacement = secret
          ? m.group(1) + m.group(2) + m.group(1) + m.group(3) + value.charAt(0) + marker(kindOf(m.group(2))) + value.charAt(0)
          : m.group();
      m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  public static boolean isSecretName(String name) {
    return SECRET_NAME.matcher(name).matches();
  }

  public static String marker(String what) {
    return "[redacted: " + what + "]";
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
    return value.matches("[A-Za-z][A-Za-z0-9+.-]*://.*");
  }

  private static boolean looksLikeMysqlClient(String commandLine) {
    String first = commandLine.strip().split("\\s+", 2)[0];
    return first.matches(".*/?(mysql|mysqldump|mysqladmin|mariadb|mariadb-dump)$");
  }
}
