package dev.warden.agent.sql;

import java.util.regex.Pattern;

/**
 * Transaction control the parser does not know ({@code BEGIN}, {@code START TRANSACTION}): a
 * statement without a table, {@code sql.OTHER -}, like the {@code COMMIT} and {@code ROLLBACK} it
 * parses.
 */
final class TransactionControl {

    private static final Pattern CONTROL = Pattern.compile(
            "(?i)(BEGIN( WORK| TRANSACTION)?|START TRANSACTION( READ ONLY| READ WRITE)?|END( WORK| TRANSACTION)?)");

    private TransactionControl() {}

    static boolean is(String redacted) {
        return CONTROL.matcher(redacted.trim()).matches();
    }
}
