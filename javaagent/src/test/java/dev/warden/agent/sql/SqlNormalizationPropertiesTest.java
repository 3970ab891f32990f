package dev.warden.agent.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The SQL analysis over thousands of random statements stitched from the pieces that hide what
 * SQL does (keywords in any case, quoted identifiers and strings, every comment form, MySQL's
 * executable comments, dollar quotes, unicode white space, stacked statements): it never throws —
 * anything it cannot read is {@code sql.OTHER *} — and the redaction recorded in the trail is
 * idempotent. Random seed printed with any failure; {@code -Dwarden.test.seed=N} replays it.
 * (Plain JUnit, not jqwik: see {@code UrlNormalizationPropertiesTest} in policy-config.)
 */
class SqlNormalizationPropertiesTest {

    private static final String[] PIECES = {"SELECT", "select", "DeLeTe", "FROM", "INSERT", "INTO", "UPDATE", "SET", "DROP",
        "TABLE", "WITH", "AS", "(", ")", "RETURNING", "*", "WHERE", "=", "1", "2.5e3", "customers", "\"Quoted\"", "`back`",
        "s.t", "'str'", "'a''b'", "'a\\'b'", "E'x\\'y'", "$$ ; $$", "$t$ x $t$", "--c\n", "#c\n", "/* c */", "/* /* */",
        "/*!", "/*!50000", "*/", ";", ",", "\u00a0", "\u2003", "\u2028", "\u3000", " ", "\n", "USE", "search_path",
        "EXPLAIN", "ANALYZE", "MERGE", "USING", "ON", "CALL", "f()", "?", "$", "\\"};
    /** Pieces no database reads as SQL (an unterminated quote or comment): the analysis must survive them too. */
    private static final String[] BROKEN = {"'", "\"", "`", "/*", "$t$"};

    @Test
    void analysisNeverThrowsAndRedactionIsIdempotent() {
        long seed = Long.getLong("warden.test.seed", new Random().nextLong());
        Random random = new Random(seed);
        for (int i = 0; i < 3000; i++) {
            // One statement in four holds an unterminated piece: analysed, but its redaction may
            // legitimately read differently twice (what a quote opened in one pass, it closes in the next).
            boolean broken = random.nextInt(4) == 0;
            StringBuilder sql = new StringBuilder();
            for (int n = random.nextInt(14); n >= 0; n--) {
                String[] from = broken && random.nextInt(5) == 0 ? BROKEN : PIECES;
                sql.append(from[random.nextInt(from.length)]).append(random.nextInt(3) == 0 ? "" : " ");
            }
            boolean mysql = random.nextBoolean();
            String text = sql.toString();
            try {
                SqlAnalysis a = SqlAnalyzer.analyze(text, mysql);
                if (a.size() == 0) {
                    throw new AssertionError("no action at all for " + text);
                }
                String redacted = SqlText.redact(text, mysql);
                if (!broken) {
                    assertEquals(redacted, SqlText.redact(redacted, mysql), "seed " + seed + ": " + text);
                }
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError("seed " + seed + " (" + (mysql ? "MySQL" : "other") + "): " + text + " threw " + e, e);
            }
        }
    }
}
