package dev.warden.e2e;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases the SQL tests run against: H2 in memory and SQLite in a file (in-process, in the
 * child JVM), and the PostgreSQL and MariaDB servers every machine of this project runs on
 * loopback. Without a server its tests are skipped with a message — unless
 * {@code WARDEN_REQUIRE_DATABASES} is set, as {@code .ci/run} does, so CI never skips them.
 */
enum SqlDatabase {
    H2("jdbc:h2:mem:warden;DB_CLOSE_DELAY=-1", "public", '"', 0),
    SQLITE("jdbc:sqlite:", null, '"', 0),
    POSTGRES("jdbc:postgresql://127.0.0.1:5432/test?user=postgres", "public", '"', 5432),
    MARIADB("jdbc:mariadb://127.0.0.1:3306/test?user=root&password=", "test", '`', 3306);

    /** The URL (SQLite: the prefix before the database file). */
    final String url;
    /** The schema unqualified tables are in, as Warden qualifies them ({@code null}: left unqualified). */
    final String schema;
    final char quote;
    final int port;

    SqlDatabase(String url, String schema, char quote, int port) {
        this.url = url;
        this.schema = schema;
        this.quote = quote;
        this.port = port;
    }

    boolean server() {
        return port > 0;
    }

    String url(Path dir) {
        return this == SQLITE ? url + dir.resolve("warden.db") : url;
    }

    /** A URL of the same database server the policy forbids (a database that need not exist). */
    String forbiddenUrl(Path dir) {
        switch (this) {
            case H2: return "jdbc:h2:mem:forbidden";
            case SQLITE: return "jdbc:sqlite:" + dir.resolve("forbidden.db");
            case POSTGRES: return "jdbc:postgresql://127.0.0.1:5432/forbidden?user=postgres";
            default: return "jdbc:mariadb://127.0.0.1:3306/forbidden?user=root&password=";
        }
    }

    /** {@code url} as Warden's {@code sql.connect} target names it (no credentials). */
    String sanitized(String url) {
        return url.replace("?user=postgres", "").replace("?user=root&password=", "");
    }

    /** {@code table} as Warden names it: lower-case, with the schema. */
    String target(String table) {
        return schema == null ? table.toLowerCase() : schema + "." + table.toLowerCase();
    }

    /** Skips the test when this database's server is not running (fails instead under {@code WARDEN_REQUIRE_DATABASES}). */
    void assumeReachable() {
        if (!server()) {
            return;
        }
        boolean up;
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            up = true;
        } catch (Exception e) {
            up = false;
        }
        String message = name() + " is not running on 127.0.0.1:" + port + ": its SQL tests are skipped"
                + " (.ci/run sets WARDEN_REQUIRE_DATABASES, so CI fails instead)";
        if (!up && System.getenv("WARDEN_REQUIRE_DATABASES") != null) {
            throw new AssertionError(message.replace("its SQL tests are skipped", "and WARDEN_REQUIRE_DATABASES is set"));
        }
        Assumptions.assumeTrue(up, message);
    }

    /** A connection from the test itself (not under Warden), to prepare and inspect the server. */
    Connection direct(Path dir) throws SQLException {
        return DriverManager.getConnection(url(dir));
    }

    void execute(Path dir, String... sql) throws SQLException {
        try (Connection c = direct(dir); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    /** The rows of a query, each as "a, b". */
    List<String> rows(Path dir, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = direct(dir); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    b.append(i == 1 ? "" : ", ").append(rs.getString(i));
                }
                out.add(b.toString());
            }
        }
        return out;
    }
}
