package dev.warden.agent.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A table name as the policy compares it: quotes ({@code "…"}, {@code `…`}, {@code […]}) removed,
 * lower-cased, {@code schema.table} — a catalog or database before the schema is dropped.
 */
final class TableNames {

    private TableNames() {}

    static String normalize(String written) {
        List<String> parts = parts(written);
        int n = parts.size();
        if (n == 0) {
            return SqlAnalysis.UNKNOWN;
        }
        String table = parts.get(n - 1);
        return n == 1 ? table : parts.get(n - 2) + "." + table;
    }

    static boolean unqualified(String normalized) {
        return normalized.indexOf('.') < 0 && !normalized.equals(SqlAnalysis.NO_TABLE)
                && !normalized.equals(SqlAnalysis.UNKNOWN);
    }

    private static List<String> parts(String written) {
        List<String> parts = new ArrayList<>(3);
        StringBuilder cur = new StringBuilder();
        int n = written.length();
        int i = 0;
        while (i < n) {
            char c = written.charAt(i);
            if (c == '"' || c == '`' || c == '[') {
                char close = c == '[' ? ']' : c;
                int end = written.indexOf(close, i + 1);
                end = end < 0 ? n : end;
                cur.append(written, i + 1, end);
                i = end + 1;
            } else if (c == '.') {
                add(parts, cur);
                i++;
            } else {
                if (!Character.isWhitespace(c)) {
                    cur.append(c);
                }
                i++;
            }
        }
        add(parts, cur);
        return parts;
    }

    private static void add(List<String> parts, StringBuilder cur) {
        // An empty part is a default schema (SQL Server's db..table): it names nothing.
        if (cur.length() > 0) {
            parts.add(cur.toString().toLowerCase(Locale.ROOT));
        }
        cur.setLength(0);
    }
}
