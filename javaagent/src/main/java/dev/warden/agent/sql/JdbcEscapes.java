package dev.warden.agent.sql;

/**
 * JDBC's escape syntax for calls, {@code {call proc(?)}} and {@code {?= call f(?)}}, which every
 * driver translates before the database sees it: decided as the {@code CALL} it is.
 */
final class JdbcEscapes {

    private JdbcEscapes() {}

    /** The statement inside a call escape, or {@code text} itself (the same instance) when it is none. */
    static String unwrap(String text) {
        String t = text.trim();
        if (t.length() < 2 || t.charAt(0) != '{' || t.charAt(t.length() - 1) != '}') {
            return text;
        }
        String inner = t.substring(1, t.length() - 1).trim();
        if (inner.startsWith("?")) {
            int eq = inner.indexOf('=');
            inner = eq < 0 ? inner : inner.substring(eq + 1).trim();
        }
        return inner.regionMatches(true, 0, "call", 0, 4) ? inner : text;
    }
}
