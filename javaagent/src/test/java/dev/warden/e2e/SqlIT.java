package dev.warden.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SQL governance end to end: the SQL tool from test-apps/ under the real agent jar, on JDK 17 and
 * 25, through each database's own driver — H2 and SQLite in-process, the PostgreSQL and MariaDB
 * servers on loopback — opened three ways (DriverManager, the driver's DataSource, a HikariCP
 * pool). One child JVM per combination runs every scenario; the test then checks each answer,
 * what is in the database, and the audit trail.
 */
class SqlIT {

    @TempDir
    Path temp;

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Path jdk : Jdks.all()) {
            for (SqlDatabase db : SqlDatabase.values()) {
                for (String mode : List.of("driver", "datasource", "hikari")) {
                    out.add(Arguments.of(db, mode, jdk));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} on {2}")
    @MethodSource("cases")
    void governsEveryStatement(SqlDatabase db, String mode, Path jdk) throws Exception {
        db.assumeReachable();
        Path dir = temp.toRealPath();
        // Tables of their own per run: the servers are shared by every run, JDK and checkout.
        String p = "w" + Jdks.feature(jdk) + mode.charAt(0)
                + Integer.toString(java.util.concurrent.ThreadLocalRandom.current().nextInt(1 << 20), 36) + "_";
        String customers = p + "customers";
        String secrets = p + "secrets";
        String big = p + "big";
        String other = "w_other";
        if (db.server()) {
            db.execute(dir, "DROP TABLE IF EXISTS " + customers, "DROP TABLE IF EXISTS " + secrets, "DROP TABLE IF EXISTS " + big);
            db.execute(dir, db == SqlDatabase.POSTGRES ? "CREATE SCHEMA IF NOT EXISTS " + other : "CREATE DATABASE IF NOT EXISTS " + other);
        }
        String url = db.url(dir);
        String forbidden = db.forbiddenUrl(dir);
        char q = db.quote;

        SqlToolRun run = new SqlToolRun(dir).policy(
                "warden.default = deny",
                "warden.rule.connect.actions = sql.connect",
                "warden.rule.connect.targets = jdbc:h2:mem:warden*, jdbc:sqlite:" + dir + "/warden.db, "
                        + "jdbc:postgresql://127.0.0.1:5432/test**, jdbc:mariadb://127.0.0.1:3306/test**, jdbc:wrap:**",
                "warden.rule.connect.effect = allow",
                "warden.rule.no-forbidden.actions = sql.connect",
                "warden.rule.no-forbidden.targets = jdbc:h2:mem:forbidden*, jdbc:sqlite:" + dir + "/forbidden.db, "
                        + "jdbc:postgresql://127.0.0.1:5432/forbidden**, jdbc:mariadb://127.0.0.1:3306/forbidden**",
                "warden.rule.no-forbidden.effect = deny",
                "warden.rule.no-forbidden.reason = not this database",
                "warden.rule.setup.actions = sql.CREATE, sql.INSERT",
                "warden.rule.setup.targets = " + customers + ", " + secrets + ", " + big,
                "warden.rule.setup.effect = allow",
                "warden.rule.work.actions = sql.SELECT, sql.UPDATE",
                "warden.rule.work.targets = " + customers,
                "warden.rule.work.effect = allow",
                "warden.rule.limited.actions = sql.SELECT",
                "warden.rule.limited.targets = " + big,
                "warden.rule.limited.effect = allow",
                "warden.rule.limited.max-rows = 3",
                "warden.rule.tableless.actions = sql.SELECT, sql.SET, sql.CREATE",
                "warden.rule.tableless.targets = -",
                "warden.rule.tableless.effect = allow",
                "warden.rule.no-erase.actions = sql.DELETE, sql.DROP, sql.TRUNCATE",
                "warden.rule.no-erase.effect = deny",
                "warden.rule.no-erase.reason = agents never erase data",
                "warden.rule.secrets.actions = sql.SELECT",
                "warden.rule.secrets.targets = " + secrets,
                "warden.rule.secrets.effect = deny",
                "warden.rule.secrets.reason = secrets stay secret",
                "warden.rule.other.actions = sql.SELECT",
                "warden.rule.other.targets = " + other + ".*",
                "warden.rule.other.effect = deny",
                "warden.rule.other.reason = not that schema",
                // sqlite-jdbc unpacks its native library into the temporary directory
                "warden.rule.tmp.actions = file.*",
                "warden.rule.tmp.targets = ${java.io.tmpdir}/**",
                "warden.rule.tmp.effect = allow");

        String qualifiedSecrets = db.schema == null ? secrets.toUpperCase() : db.schema.toUpperCase() + "." + secrets.toUpperCase();
        List<String> steps = new ArrayList<>(List.of(
                "open|c|" + mode + "|" + url,
                "update|c|CREATE TABLE " + customers + " (id INT PRIMARY KEY, name VARCHAR(40))",
                "update|c|CREATE TABLE " + secrets + " (id INT PRIMARY KEY, token VARCHAR(40))",
                "update|c|CREATE TABLE " + big + " (id INT PRIMARY KEY)",
                "update|c|INSERT INTO " + customers + " VALUES (1, 'ann'), (2, 'bob')",
                "update|c|INSERT INTO " + secrets + " VALUES (1, 'hunter2')",
                "pbatch|c|INSERT INTO " + big + " VALUES (?)|1/2/3/4/5",
                "query|c|SELECT name FROM " + customers + " WHERE name = 'ann'",
                "update|c|DELETE FROM " + customers + " WHERE id = 1",
                "query|c|SELECT c.name, s.token FROM " + customers + " c JOIN " + secrets + " s ON s.id = c.id",
                "query|c|SELECT name FROM " + customers + " WHERE id IN (SELECT id FROM " + secrets + ")",
                "query|c|/* harmless */ SELECT name FROM " + customers + " UNION SELECT token FROM " + q + secrets + q,
                "query|c|WITH x AS (SELECT token FROM " + secrets + ") SELECT * FROM x",
                "execute|c|sElEcT * fRoM " + qualifiedSecrets + " -- the schema, upper case",
                "pquery|c|SELECT name FROM " + customers + " WHERE id = ?|2",
                "pupdate|c|DELETE FROM " + customers + " WHERE id = ?|2",
                "query|c|SELECT id FROM " + big + " ORDER BY id",
                "batch|c|INSERT INTO " + customers + " VALUES (10, 'x');;DELETE FROM " + customers + " WHERE id = 2",
                "autocommit|c|false",
                "update|c|INSERT INTO " + customers + " VALUES (3, 'cy')",
                "update|c|DELETE FROM " + customers,
                "autocommit|c|true",
                "query|c|SELECT id, name FROM " + customers + " ORDER BY id",
                "open|f|" + mode + "|" + forbidden,
                "large-update|c|UPDATE " + customers + " SET name = 'bob' WHERE id = 2",
                "execute|c|SELECT id FROM " + big + " ORDER BY id",
                "execute|c|SELECT 1; DELETE FROM " + customers,
                "update-keys|c|INSERT INTO " + customers + " VALUES (4, 'dee')",
                "open|w|driver|jdbc:wrap:" + url));
        if (db != SqlDatabase.SQLITE) {
            steps.add(db == SqlDatabase.POSTGRES ? "update|c|SET search_path TO " + other
                    : db == SqlDatabase.MARIADB ? "execute|c|USE " + other : "update|c|CREATE SCHEMA IF NOT EXISTS " + other.toUpperCase());
            if (db == SqlDatabase.H2) {
                steps.add("update|c|SET SCHEMA " + other.toUpperCase());
            }
            steps.add("query|c|SELECT * FROM " + customers);
        }

        try {
            check(db, mode, jdk, dir, run, steps, customers, secrets, big, other);
        } finally {
            if (db.server()) {
                db.execute(dir, "DROP TABLE IF EXISTS " + customers, "DROP TABLE IF EXISTS " + secrets, "DROP TABLE IF EXISTS " + big);
            }
        }
    }

    private static void check(SqlDatabase db, String mode, Path jdk, Path dir, SqlToolRun run, List<String> steps,
            String customers, String secrets, String big, String other) throws Exception {
        String url = db.url(dir);
        ChildJvm.Result r = run.run(jdk, steps);
        String why = r.stdout() + "\nstderr: " + r.stderr();
        String cust = db.target(customers);
        String sec = db.target(secrets);

        assertTrue(r.line("OK " + "open").startsWith("OK open: connected"), why);
        assertEquals("OK update: updated 2", r.stdout().get(4), why);
        assertEquals("OK pbatch: batch 1,1,1,1,1", r.stdout().get(6), why);
        assertEquals("OK query: rows 1: ann", r.stdout().get(7), why);
        denied(r, 8, "sql.DELETE " + cust + ": agents never erase data (rule no-erase)");
        for (int i = 9; i <= 13; i++) {
            denied(r, i, "sql.SELECT " + sec + ": secrets stay secret (rule secrets)");
        }
        assertEquals("OK pquery: rows 1: bob", r.stdout().get(14), why);
        denied(r, 15, "sql.DELETE " + cust + ": agents never erase data (rule no-erase)");
        denied(r, 16, "sql.SELECT " + db.target(big) + ": row limit (rule limited)");
        denied(r, 17, "sql.DELETE " + cust + ": agents never erase data (rule no-erase)");
        assertEquals("OK update: updated 1", r.stdout().get(19), why);
        denied(r, 20, "sql.DELETE " + cust + ": agents never erase data (rule no-erase)");
        // the denied DELETE rolled the transaction back: 'cy' is gone; the denied batch inserted nothing
        assertEquals("OK query: rows 2: 1, ann | 2, bob", r.stdout().get(22), why);
        String forbiddenLine = r.stdout().get(23);
        assertTrue(forbiddenLine.startsWith("ERR open:") && forbiddenLine.contains("Warden denied sql.connect ")
                && forbiddenLine.contains(": not this database (rule no-forbidden)"), why);
        assertFalse(forbiddenLine.contains("user=") || forbiddenLine.contains("password="), forbiddenLine);
        if (!mode.equals("hikari")) {
            assertTrue(forbiddenLine.contains("java.sql.SQLException [42501]"), forbiddenLine);
        }
        assertTrue(r.stdout().get(24).startsWith("OK large-update: updated "), why);
        denied(r, 25, "sql.SELECT " + db.target(big) + ": row limit (rule limited)");
        denied(r, 26, "sql.DELETE " + cust + ": agents never erase data (rule no-erase)");
        assertEquals("OK update-keys: updated 1", r.stdout().get(27), why);
        assertTrue(r.stdout().get(28).startsWith("OK open: connected"), why);
        if (db != SqlDatabase.SQLITE) {
            String last = r.stdout().get(r.stdout().size() - 1);
            assertEquals("ERR query: java.sql.SQLException [42501]: Warden denied sql.SELECT " + other + "." + customers
                    + ": not that schema (rule other)", last, why);
        }

        if (db.server()) {
            // what the database holds, seen from outside the agent
            assertEquals(List.of("1, ann", "2, bob", "4, dee"), db.rows(dir, "SELECT id, name FROM " + customers + " ORDER BY id"));
            assertEquals(List.of("1, hunter2"), db.rows(dir, "SELECT id, token FROM " + secrets));
        } else if (db == SqlDatabase.SQLITE) {
            assertEquals(List.of("1, ann", "2, bob", "4, dee"), db.rows(dir, "SELECT id, name FROM " + customers + " ORDER BY id"));
        }

        AuditTrail trail = run.trail(jdk);
        JsonNode connect = trail.where(n -> n.path("action").asText().equals("sql.connect")
                && n.path("decision").asText().equals("allow")).get(0);
        assertFalse(connect.toString().contains("user=") || connect.toString().contains("password="), connect.toString());
        JsonNode insert = single(trail, "sql.INSERT", "INSERT INTO " + customers + " VALUES (?, ?), (?, ?) [2 rows]");
        assertEquals(cust, AuditTrail.targetOf(insert));
        assertEquals("ok", insert.path("outcome").asText());
        assertTrue(insert.path("duration_ns").asLong() > 0, insert.toString());
        JsonNode read = single(trail, "sql.SELECT", "SELECT name FROM " + customers + " WHERE name = ? [1 row]");
        assertFalse(trail.toString().contains("'ann'") || trail.toString().contains("hunter2"), "a literal reached the trail");
        assertEquals("work", read.path("rule").asText());
        // the plain DELETE, the prepared one and the one in the batch (whose INSERT was blocked with it)
        List<JsonNode> deletes = trail.where(n -> n.path("action").asText().equals("sql.DELETE")
                && n.path("detail").asText().equals("DELETE FROM " + customers + " WHERE id = ?"));
        assertEquals(3, deletes.size(), deletes.toString());
        for (JsonNode d : deletes) {
            assertEquals("deny", d.path("decision").asText(), d.toString());
            assertEquals("blocked", d.path("outcome").asText(), d.toString());
            assertEquals(cust, AuditTrail.targetOf(d));
        }
        JsonNode batchInsert = single(trail, "sql.INSERT", "INSERT INTO " + customers + " VALUES (?, ?)");
        assertEquals("blocked", batchInsert.path("outcome").asText(), batchInsert.toString());
        JsonNode join = single(trail, "sql.SELECT", "SELECT c.name, s.token FROM " + customers + " c JOIN " + secrets + " s ON s.id = c.id");
        assertEquals(List.of(cust, sec), texts(join.path("target")), join.toString());
        assertEquals(List.of(sec), texts(join.path("denied")), join.toString());
        // executeQuery, and execute + getResultSet: both stopped at the fourth row
        List<JsonNode> limits = trail.where(n -> n.path("detail").asText().equals("SELECT id FROM " + big + " ORDER BY id [3 rows]"));
        assertEquals(2, limits.size(), limits.toString());
        for (JsonNode limit : limits) {
            assertEquals("row limit", limit.path("reason").asText(), limit.toString());
            assertEquals("deny", limit.path("decision").asText(), limit.toString());
            assertEquals("blocked", limit.path("outcome").asText(), limit.toString());
        }
        JsonNode rolledBack = single(trail, "sql.DELETE", "DELETE FROM " + customers + " [transaction rolled back]");
        assertEquals("blocked", rolledBack.path("outcome").asText());
        assertEquals(2, trail.where(n -> n.path("detail").asText().startsWith("INSERT INTO " + customers + " VALUES (?, ?) [")).size(),
                "one record per statement, also through a pool: " + trail);
        // a driver wrapping another is decided once, by the URL the application gave; a pool's
        // physical connection is opened (on its own thread) as a connect of its own
        List<JsonNode> connects = trail.where(n -> n.path("action").asText().equals("sql.connect")
                && n.path("decision").asText().equals("allow"));
        assertEquals(List.of("jdbc:wrap:" + db.sanitized(url)), connects.stream().map(AuditTrail::targetOf)
                .filter(t -> t.startsWith("jdbc:wrap:")).toList(), connects.toString());
        assertEquals(mode.equals("hikari") ? 3 : 2, connects.size(), connects.toString());
        JsonNode update = single(trail, "sql.UPDATE", "UPDATE " + customers + " SET name = ? WHERE id = ? [" + update(r) + "]");
        assertEquals("work", update.path("rule").asText());
        JsonNode stacked = single(trail, "sql.DELETE", "SELECT ?; DELETE FROM " + customers);
        assertEquals("deny", stacked.path("decision").asText());
    }

    /** The rows the large update reported, as the record's detail writes them. */
    private static String update(ChildJvm.Result r) {
        String n = r.stdout().get(24).substring("OK large-update: updated ".length());
        return n + (n.equals("1") ? " row" : " rows");
    }

    private static void denied(ChildJvm.Result r, int index, String what) {
        String line = r.stdout().get(index);
        String expected = "java.sql.SQLException [42501]: Warden denied " + what;
        assertTrue(line.startsWith("ERR ") && line.endsWith(expected), "step " + index + ": " + line + "\nexpected: " + expected
                + "\nall: " + r.stdout() + "\nstderr: " + r.stderr());
    }

    /** The one record of {@code action} with exactly this detail. */
    private static JsonNode single(AuditTrail trail, String action, String detail) {
        List<JsonNode> found = trail.where(n -> n.path("action").asText().equals(action) && n.path("detail").asText().equals(detail));
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " records of " + action + " '" + detail + "': " + found + "\nall: " + trail);
        }
        return found.get(0);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array.isArray()) {
            array.forEach(n -> out.add(n.asText()));
        } else if (!array.isMissingNode()) {
            out.add(array.asText());
        }
        return out;
    }
}
