package dev.warden.agent.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SqlAnalyzerTest {

    /** Targets qualified with schema "public", as "verb table" pairs in decision order. */
    private static String pairs(String sql) {
        return pairs(sql, false);
    }

    static String pairs(String sql, boolean mysql) {
        SqlAnalysis a = SqlAnalyzer.analyze(sql, mysql);
        String[] t = a.targets("public");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < a.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(a.action(i).name()).append(' ').append(t[i]);
        }
        return b.toString();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "SELECT * FROM customers | sql.SELECT public.customers",
        "select c.name from Customers c join sales.Orders o on o.cid = c.id | sql.SELECT public.customers, sql.SELECT sales.orders",
        "SELECT * FROM x WHERE id IN (SELECT id FROM y) UNION SELECT * FROM z | sql.SELECT public.x, sql.SELECT public.y, sql.SELECT public.z",
        "INSERT INTO a SELECT * FROM b | sql.INSERT public.a, sql.SELECT public.b",
        "INSERT INTO a SELECT * FROM a | sql.INSERT public.a",
        "WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d | sql.DELETE public.t",
        "WITH d AS (DELETE FROM t RETURNING *) INSERT INTO archive SELECT * FROM d | sql.DELETE public.t, sql.INSERT public.archive",
        "WITH x AS (SELECT * FROM real1) SELECT * FROM x JOIN real2 ON true | sql.SELECT public.real1, sql.SELECT public.real2",
        "MERGE INTO tgt USING src ON (tgt.id = src.id) WHEN MATCHED THEN UPDATE SET v = src.v | sql.MERGE public.tgt, sql.SELECT public.src",
        "UPDATE a SET x = (SELECT max(y) FROM b) WHERE z = 1 | sql.UPDATE public.a, sql.SELECT public.b",
        "DELETE FROM a USING b WHERE a.id = b.id | sql.DELETE public.a, sql.SELECT public.b",
        "/* hi */ dElEtE /* x */ FROM S.T WHERE a = 'x' | sql.DELETE s.t",
        "DELETE FROM \"Public\".\"Customers\" | sql.DELETE public.customers",
        "SELECT 1 | sql.SELECT -",
        "SELECT 1; DELETE FROM customers | sql.DELETE public.customers, sql.SELECT -",
        "SELECT 'a;b' FROM t; DROP TABLE u | sql.DROP public.u, sql.SELECT public.t",
        "EXPLAIN ANALYZE DELETE FROM t | sql.DELETE public.t",
        "TRUNCATE TABLE t | sql.TRUNCATE public.t",
        "DROP TABLE a, b | sql.DROP public.a, sql.DROP public.b",
        "GRANT SELECT ON t TO bob | sql.GRANT public.t",
        "REVOKE SELECT ON t FROM bob | sql.REVOKE public.t",
        "CREATE TABLE n AS SELECT * FROM o | sql.CREATE public.n, sql.SELECT public.o",
        "CREATE TABLE n (id INT) | sql.CREATE public.n",
        "ALTER TABLE t ADD COLUMN c INT | sql.ALTER public.t",
        "SELECT * INTO copy FROM customers | sql.CREATE public.copy, sql.SELECT public.customers",
        "CALL f(1) | sql.CALL -",
        "SET search_path TO other, public | sql.SET -",
        "SET TIME ZONE 'UTC' | sql.SET -",
        "COMMIT | sql.OTHER -",
        "PRAGMA foo | sql.OTHER *",
        "this is not sql | sql.OTHER *",
        "; ; | sql.OTHER -",
        "INSERT INTO t VALUES (1) ON CONFLICT (id) DO UPDATE SET v = 2 | sql.INSERT public.t",
        "REPLACE INTO t VALUES (1) | sql.INSERT public.t",
        "CREATE INDEX i ON t(c) | sql.CREATE public.t",
        "SELECT * FROM db.sch.tab | sql.SELECT sch.tab",
        "{call f(?)} | sql.CALL -",
        "{?= call f(?)} | sql.CALL -",
        "BEGIN | sql.OTHER -",
        "START TRANSACTION | sql.OTHER -",
        "UPDATE t1, t2 SET t2.b = 1 WHERE t1.id = t2.id | sql.UPDATE public.t1, sql.UPDATE public.t2",
        "UPDATE t SET a = o.a FROM other o WHERE o.id = t.id | sql.UPDATE public.t, sql.SELECT public.other",
        "DELETE t1 FROM t1 JOIN t2 ON t1.id = t2.id | sql.DELETE public.t1, sql.SELECT public.t2",
        "INSERT INTO t (a) VALUES (?) RETURNING id | sql.INSERT public.t",
        "COPY t FROM stdin | sql.OTHER *",
    })
    void pairsOfEachStatement(String sql, String expected) {
        assertEquals(expected, pairs(sql));
    }

    @Test
    void schemaSwitchedEarlierInTheSameStringQualifiesLaterTables() {
        assertEquals("sql.DELETE other.customers, sql.SET -", pairs("SET search_path TO other; DELETE FROM customers"));
        assertEquals("sql.DELETE evil.customers, sql.SET -", pairs("SET SCHEMA 'Evil'; DELETE FROM customers"));
        assertEquals("sql.DELETE shop.customers, sql.SET -", pairs("USE shop; DELETE FROM customers", true));
        assertTrue(SqlAnalyzer.analyze("USE shop", true).changesSchema());
        assertFalse(SqlAnalyzer.analyze("SET TIME ZONE 'UTC'", false).changesSchema());
    }

    @Test
    void mysqlRunsExecutableCommentsAndBackslashEscapes() {
        assertEquals("sql.DROP public.t, sql.SELECT -", pairs("SELECT 1 /*!50000 ; DROP TABLE t */", true));
        assertEquals("sql.SELECT -", pairs("SELECT 1 /*!50000 ; DROP TABLE t */", false));
        // In MySQL the backslash escapes the quote: the DROP is inside the string.
        assertEquals("sql.SELECT -", pairs("SELECT 'a\\'; DROP TABLE t; --'", true));
        // In PostgreSQL it does not: the DROP runs.
        assertEquals("sql.DROP public.t, sql.SELECT -", pairs("SELECT 'a\\'; DROP TABLE t; --'", false));
    }

    @Test
    void unqualifiedTablesStayUnqualifiedWithoutASchema() {
        SqlAnalysis a = SqlAnalyzer.analyze("SELECT * FROM t JOIN s.u ON true", false);
        assertEquals("t", a.targets(null)[0]);
        assertEquals("s.u", a.targets(null)[1]);
        assertTrue(a.needsSchema());
        assertSame(a.targets("public"), a.targets("public"));
    }

    @Test
    void literalsAreRedacted() {
        assertEquals("DELETE FROM customers WHERE id = ? AND name = ?",
                SqlText.redact("DELETE  FROM customers\n WHERE id = 42 AND name = 'O''Brien' -- why", false));
        assertEquals("SELECT ?, ?, ? FROM t1", SqlText.redact("SELECT E'a\\'b', $$x;y$$, 1.5e3 FROM t1", false));
        assertEquals("SELECT * FROM \"t 1\" WHERE x = ?", SqlText.redact("SELECT * FROM \"t 1\" WHERE x = X'ff'", false));
        assertEquals("SELECT ? FROM t", SqlText.redact("SELECT \"secret\" FROM t", true));
    }

    @Test
    void cacheSharesAnalysesAcrossLiterals() {
        SqlAnalyses cache = new SqlAnalyses();
        SqlAnalysis a = cache.of("SELECT * FROM t WHERE id = 1", false);
        assertSame(a, cache.of("SELECT * FROM t WHERE id = 2", false));
        assertSame(a, cache.of("SELECT * FROM t WHERE id = 1", false));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "jdbc:postgresql://127.0.0.1:5432/test?user=bob&password=s3cret&ssl=false | jdbc:postgresql://127.0.0.1:5432/test?ssl=false",
        "jdbc:postgresql://127.0.0.1:5432/test?ssl=false&password=x | jdbc:postgresql://127.0.0.1:5432/test?ssl=false",
        "jdbc:mariadb://root:pw@127.0.0.1:3306/test | jdbc:mariadb://127.0.0.1:3306/test",
        "jdbc:mariadb://127.0.0.1/test | jdbc:mariadb://127.0.0.1:3306/test",
        "jdbc:postgresql://[::1]/test | jdbc:postgresql://[::1]:5432/test",
        "jdbc:h2:mem:test;USER=sa;PASSWORD=x;DB_CLOSE_DELAY=-1 | jdbc:h2:mem:test;DB_CLOSE_DELAY=-1",
        "jdbc:sqlite:/tmp/a.db | jdbc:sqlite:/tmp/a.db",
        "jdbc:sqlserver://h:1433;databaseName=d;user=u;password=p | jdbc:sqlserver://h:1433;databaseName=d",
    })
    void urlsLoseTheirCredentials(String url, String expected) {
        assertEquals(expected, JdbcUrls.withoutCredentials(url));
    }
}
