package dev.warden.agent.sql;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Statements that change a connection's current schema: PostgreSQL's {@code SET search_path},
 * {@code SET SCHEMA} (PostgreSQL, H2), MySQL's and MariaDB's {@code USE}. Tables a later statement
 * in the same string names without a schema are in the new one.
 */
final class SchemaSwitch {

    private static final Pattern USE = Pattern.compile("(?is)^\\s*USE\\s+(\\S+)\\s*$");
    private static final Pattern SEARCH_PATH = Pattern.compile(
            "(?is)^\\s*SET\\s+(?:SESSION\\s+|LOCAL\\s+)?SEARCH_PATH\\s*(?:TO|=)\\s*(.+?)\\s*$");
    private static final Pattern SET_SCHEMA = Pattern.compile("(?is)^\\s*SET\\s+(?:CURRENT\\s+)?SCHEMA\\s*(?:=\\s*)?(.+?)\\s*$");

    private SchemaSwitch() {}

    /** Whether {@code statement} switches the current schema (even to one this class cannot name). */
    static boolean isSchemaSwitch(String statement) {
        return USE.matcher(statement).matches() || SEARCH_PATH.matcher(statement).matches()
                || SET_SCHEMA.matcher(statement).matches();
    }

    /** The schema {@code statement} switches to, lower-cased, or {@code null} when it is none or unknown. */
    static String of(String statement) {
        Matcher m = USE.matcher(statement);
        if (m.matches()) {
            return name(m.group(1));
        }
        m = SEARCH_PATH.matcher(statement);
        if (m.matches()) {
            // The first schema of the path that is not "$user" (whose existence only the server knows).
            for (String part : m.group(1).split(",")) {
                String p = part.trim();
                if (!p.isEmpty() && !p.equals("\"$user\"") && !p.equals("$user")) {
                    return p.equals("?") ? null : name(p);
                }
            }
            return null;
        }
        m = SET_SCHEMA.matcher(statement);
        return m.matches() && !m.group(1).equals("?") ? name(m.group(1)) : null;
    }

    private static String name(String raw) {
        String s = raw.trim();
        if (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).trim();
        }
        if (s.length() >= 2 && "'\"`".indexOf(s.charAt(0)) >= 0 && s.charAt(s.length() - 1) == s.charAt(0)) {
            s = s.substring(1, s.length() - 1);
        }
        return s.isEmpty() ? null : s.toLowerCase(Locale.ROOT);
    }
}
