package dev.infradoc.history;

import dev.infradoc.model.Model;
import dev.infradoc.model.Source;
import dev.infradoc.render.json.ModelJson;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Scan history in a PostgreSQL database a team shares: one row per scan (targets key, generatedAt,
 * the model.json text, and the counts and source ids {@code history} lists), with the file store's
 * semantics. Scan names are the file store's file names ({@code 2026-06-01T10-00-00Z-2.model.json}
 * for the second scan of that second). The password comes only from {@value #PASSWORD_ENV}, never
 * from the URL, and never appears in a message.
 */
public final class PostgresHistoryStore implements ScanStore {
  public static final String PASSWORD_ENV = "INFRADOC_STORE_PASSWORD";
  private static final String PREFIX = "jdbc:postgresql://";
  private static final String SUFFIX = ".model.json";
  // text, not jsonb: jsonb reorders keys and drops whitespace, and a stored model must be the same bytes.
  private static final String SCHEMA = """
      CREATE TABLE IF NOT EXISTS infradoc_scan (
        targets_key text NOT NULL,
        generated_at text NOT NULL,
        seq integer NOT NULL,
        components integer NOT NULL,
        dependencies integer NOT NULL,
        findings integer NOT NULL,
        sources text NOT NULL,
        model text NOT NULL,
        PRIMARY KEY (targets_key, generated_at, seq))""";

  private final String url;
  private final String password;

  private PostgresHistoryStore(String url, String password) {
    this.url = url;
    this.password = password;
  }

  public static boolean isUrl(String store) {
    return store.startsWith(PREFIX);
  }

  /** A store at this URL, its password (if any) from the environment's {@value #PASSWORD_ENV}. */
  public static PostgresHistoryStore open(String url, Map<String, String> environment) {
    if (!isUrl(url)) throw new IllegalArgumentException("not a PostgreSQL JDBC URL (jdbc:postgresql://HOST:PORT/DB)");
    String lower = url.toLowerCase(Locale.ROOT);
    String authority = url.substring(PREFIX.length()).split("[/?]", 2)[0];
    if (lower.contains("password=") || authority.contains("@")) {
      // The URL is printed and kept in shell history; a password in it would leak. Say so without echoing it.
      throw new IllegalArgumentException("the store URL must not carry a password; set " + PASSWORD_ENV + " instead");
    }
    return new PostgresHistoryStore(url, environment.getOrDefault(PASSWORD_ENV, ""));
  }

  /** The URL without its parameters: what messages show. */
  @Override
  public String describe() {
    int q = url.indexOf('?');
    return q < 0 ? url : url.substring(0, q);
  }

  @Override
  public StoredScan save(String key, Model model) throws IOException {
    if (!TargetsKey.isKey(key)) throw new IllegalArgumentException("not a targets key: " + key);
    String json = ModelJson.write(model);
    try (Connection c = connect()) {
      c.setAutoCommit(false);
      try {
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
          // Two scans of the same targets saved at once must not take the same sequence number.
          lock.setString(1, "infradoc_scan:" + key);
          lock.execute();
        }
        int seq;
        try (PreparedStatement next = c.prepareStatement(
            "SELECT coalesce(max(seq), 0) + 1 FROM infradoc_scan WHERE targets_key = ? AND generated_at = ?")) {
          next.setString(1, key);
          next.setString(2, model.generatedAt());
          try (ResultSet rs = next.executeQuery()) {
            rs.next();
            seq = rs.getInt(1);
          }
        }
        List<String> sources = model.sources().stream().map(Source::id).sorted().toList();
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO infradoc_scan VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
          insert.setString(1, key);
          insert.setString(2, model.generatedAt());
          insert.setInt(3, seq);
          insert.setInt(4, model.components().size());
          insert.setInt(5, model.dependencies().size());
          insert.setInt(6, model.findings().size());
          insert.setString(7, String.join("\n", sources));
          insert.setString(8, json);
          insert.executeUpdate();
        }
        c.commit();
        return new StoredScan(key, model.generatedAt(), name(model.generatedAt(), seq), model.components().size(),
            model.dependencies().size(), model.findings().size(), sources);
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw failure("could not save the scan", e);
    }
  }

  @Override
  public List<StoredScan> list(String key) throws IOException {
    if (!TargetsKey.isKey(key)) return List.of();
    try (Connection c = connect(); PreparedStatement q = c.prepareStatement(
        "SELECT generated_at, seq, components, dependencies, findings, sources FROM infradoc_scan"
            + " WHERE targets_key = ? ORDER BY generated_at, seq")) {
      q.setString(1, key);
      List<StoredScan> out = new ArrayList<>();
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          String sources = rs.getString(6);
          out.add(new StoredScan(key, rs.getString(1), name(rs.getString(1), rs.getInt(2)), rs.getInt(3), rs.getInt(4),
              rs.getInt(5), sources.isEmpty() ? List.of() : List.of(sources.split("\n"))));
        }
      }
      return out;
    } catch (SQLException e) {
      throw failure("could not list scans", e);
    }
  }

  @Override
  public List<String> keys() throws IOException {
    try (Connection c = connect(); PreparedStatement q = c.prepareStatement(
        "SELECT DISTINCT targets_key FROM infradoc_scan ORDER BY targets_key")) {
      List<String> out = new ArrayList<>();
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) if (TargetsKey.isKey(rs.getString(1))) out.add(rs.getString(1));
      }
      return out;
    } catch (SQLException e) {
      throw failure("could not list keys", e);
    }
  }

  @Override
  public Optional<String> latestKey() throws IOException {
    try (Connection c = connect(); PreparedStatement q = c.prepareStatement(
        "SELECT targets_key FROM infradoc_scan ORDER BY generated_at DESC, seq DESC, targets_key DESC LIMIT 1")) {
      try (ResultSet rs = q.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw failure("could not find the latest scan", e);
    }
  }

  @Override
  public Model model(StoredScan scan) throws IOException {
    try (Connection c = connect(); PreparedStatement q = c.prepareStatement(
        "SELECT model FROM infradoc_scan WHERE targets_key = ? AND generated_at = ? AND seq = ?")) {
      q.setString(1, scan.key());
      q.setString(2, scan.generatedAt());
      q.setInt(3, sequence(scan));
      try (ResultSet rs = q.executeQuery()) {
        if (!rs.next()) throw new IOException("history store " + describe() + ": no scan " + scan.file() + " of " + scan.key());
        return ModelJson.read(rs.getString(1));
      }
    } catch (SQLException e) {
      throw failure("could not read the scan", e);
    }
  }

  private Connection connect() throws SQLException {
    Properties p = new Properties();
    if (!password.isEmpty()) p.setProperty("password", password);
    p.setProperty("connectTimeout", "10");
    p.setProperty("ApplicationName", "infradoc");
    Connection c = DriverManager.getConnection(url, p);
    try (Statement s = c.createStatement()) {
      s.execute(SCHEMA);
    }
    return c;
  }

  /** The file store's name for the seq-th scan of that second. */
  private static Path name(String generatedAt, int seq) {
    return Path.of(generatedAt.replace(':', '-') + (seq == 1 ? "" : "-" + seq) + SUFFIX);
  }

  /** The sequence number in a name this store gave: 1 for "…Z.model.json", N for "…Z-N.model.json"; 0 if not its name. */
  private static int sequence(StoredScan scan) {
    String name = scan.file().getFileName().toString();
    String stem = scan.generatedAt().replace(':', '-');
    if (!name.startsWith(stem) || !name.endsWith(SUFFIX) || name.length() < stem.length() + SUFFIX.length()) return 0;
    String rest = name.substring(stem.length(), name.length() - SUFFIX.length());
    if (rest.isEmpty()) return 1;
    try {
      return rest.startsWith("-") ? Integer.parseInt(rest.substring(1)) : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** A database error as one line, the password (should the server or driver ever echo it) masked. */
  private IOException failure(String what, SQLException e) {
    String message = String.valueOf(e.getMessage());
    if (!password.isEmpty()) message = message.replace(password, "****");
    return new IOException("history store " + describe() + ": " + what + ": " + message.lines().findFirst().orElse(""), e);
  }
}
