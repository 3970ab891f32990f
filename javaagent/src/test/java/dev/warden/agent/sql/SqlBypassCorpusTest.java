package dev.warden.agent.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SQL written to hide what it does — comments, case, quoting, unicode white space, stacked
 * statements, CTE-wrapped writes, MySQL's executable comments — decided as what the database
 * runs: each row is a disguise and the (verb, table) pairs it must be decided as.
 */
class SqlBypassCorpusTest {

    static Stream<Arguments> corpus() {
        return Stream.of(
                row("comment between verb and FROM", "DELETE/**/FROM customers", false, "sql.DELETE public.customers"),
                row("nested comment (PostgreSQL, H2): all after it is comment", "DELETE /* /* */ FROM customers", false, "sql.DELETE *"),
                row("nested-looking comment (MySQL: comments do not nest)", "DELETE /* /* */ FROM customers", true,
                        "sql.DELETE public.customers"),
                row("line comment hides nothing after a newline", "SELECT 1 -- harmless\n; DROP TABLE t", false,
                        "sql.DROP public.t, sql.SELECT -"),
                row("mixed case", "dElEtE fRoM CuStOmErS", false, "sql.DELETE public.customers"),
                row("double-quoted identifiers", "DELETE FROM \"public\".\"CUSTOMERS\"", false, "sql.DELETE public.customers"),
                row("backquoted identifiers (MySQL)", "DELETE FROM `Shop`.`Customers`", true, "sql.DELETE shop.customers"),
                row("no-break space", "DELETE\u00a0FROM\u00a0customers", false, "sql.DELETE public.customers"),
                row("em space and line separator", "DROP\u2003TABLE\u2028t", false, "sql.DROP public.t"),
                row("ideographic space", "TRUNCATE\u3000TABLE t", false, "sql.TRUNCATE public.t"),
                row("stacked after a string holding ;", "SELECT ';' FROM a; DELETE FROM b", false, "sql.DELETE public.b, sql.SELECT public.a"),
                row("stacked after a comment", "SELECT 1;/* x */DROP TABLE t", false, "sql.DROP public.t, sql.SELECT -"),
                row("stacked three deep", "SELECT 1; SELECT 2; UPDATE t SET a = 1", false, "sql.UPDATE public.t, sql.SELECT -"),
                row("CTE-wrapped update", "WITH u AS (UPDATE t SET a = 1 RETURNING *) SELECT * FROM u", false, "sql.UPDATE public.t"),
                row("CTE-wrapped insert", "WITH i AS (INSERT INTO t VALUES (1) RETURNING *) SELECT 1", false, "sql.INSERT public.t"),
                row("executable comment (MySQL)", "SELECT 1 /*! ; DROP TABLE t */", true, "sql.DROP public.t, sql.SELECT -"),
                row("versioned executable comment (MySQL)", "/*!50000 DELETE FROM customers */", true, "sql.DELETE public.customers"),
                row("executable comment elsewhere is a comment", "SELECT 1 /*! ; DROP TABLE t */", false, "sql.SELECT -"),
                row("backslash-escaped quote (MySQL)", "SELECT 'a\\'; DELETE FROM t; -- '", true, "sql.SELECT -"),
                row("dollar quoting (PostgreSQL)", "SELECT $x$ ; DROP TABLE t $x$", false, "sql.SELECT -"),
                row("a dollar-quoted body does not end at a shorter tag", "SELECT $a$ $ ; $a$; DELETE FROM t", false,
                        "sql.DELETE public.t, sql.SELECT -"));
    }

    private static Arguments row(String name, String sql, boolean mysql, String expected) {
        return Arguments.of(name, sql, mysql, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void decidedAsWhatTheDatabaseRuns(String name, String sql, boolean mysql, String expected) {
        assertEquals(expected, SqlAnalyzerTest.pairs(sql, mysql));
    }
}
