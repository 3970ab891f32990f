package dev.warden.agent.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * A small SQL lexer that knows only what hides or splits statements: string literals, quoted
 * identifiers, comments and {@code ;}. It replaces literals with {@code ?} (what the audit trail
 * shows, and the text analyses are cached by) and splits a string into its statements the way the
 * database will, so that a statement boundary is never the parser's guess.
 *
 * <p>Two dialects matter: MySQL and MariaDB treat a backslash in a string as an escape, {@code "…"}
 * as a string, and run the contents of a {@code /*!…*}{@code /} comment as SQL (so Warden must read
 * it as SQL too); the standard dialect (PostgreSQL, H2, SQLite) does none of these, but has
 * {@code E'…'} escape strings and {@code $tag$…$tag$} dollar quoting.
 */
public final class SqlText {

    private SqlText() {}

    /**
     * The statement with every literal replaced by {@code ?}, comments removed (a MySQL
     * {@code /*!…*}{@code /} comment's contents kept, as MySQL runs them) and runs of white space
     * collapsed to one space.
     */
    public static String redact(String sql, boolean mysql) {
        StringBuilder out = new StringBuilder(sql.length());
        int n = sql.length();
        int i = 0;
        int dollarClosedAt = -1;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || (c == '"' && mysql)) {
                boolean escapes = mysql || escapePrefix(sql, i);
                dropPrefix(out, sql, i);
                i = endOfQuoted(sql, i, c, escapes);
                out.append('?');
            } else if (c == '"' || c == '`' ) {
                int end = endOfQuoted(sql, i, c, false);
                out.append(sql, i, end);
                i = end;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                i = endOfLine(sql, i);
                space(out);
            } else if (c == '#' && mysql) {
                i = endOfLine(sql, i);
                space(out);
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                if (mysql && i + 2 < n && sql.charAt(i + 2) == '!') {
                    // MySQL executes /*!NNNNN … */: read it as the SQL it is.
                    i += 3;
                    while (i < n && Character.isDigit(sql.charAt(i))) {
                        i++;
                    }
                    space(out);
                    int close = sql.indexOf("*/", i);
                    String inner = close < 0 ? sql.substring(i) : sql.substring(i, close);
                    out.append(redact(inner, true));
                    space(out);
                    i = close < 0 ? n : close + 2;
                } else {
                    i = endOfBlockComment(sql, i, mysql);
                    space(out);
                }
            } else if (c == '$' && !mysql && dollarTagEnd(sql, i, dollarClosedAt) > 0) {
                int tagEnd = dollarTagEnd(sql, i, dollarClosedAt);
                String tag = sql.substring(i, tagEnd);
                int close = sql.indexOf(tag, tagEnd);
                i = close < 0 ? n : close + tag.length();
                dollarClosedAt = i;
                out.append('?');
            } else if (isDigit(c) && !identifierBefore(out)) {
                i = endOfNumber(sql, i);
                out.append('?');
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space(out);
                i++;
            } else {
                out.append(c);
                i++;
            }
        }
        int len = out.length();
        while (len > 0 && out.charAt(len - 1) == ' ') {
            len--;
        }
        out.setLength(len);
        return out.toString();
    }

    /**
     * Splits redacted text (see {@link #redact}: no literals or comments left) at every {@code ;}
     * outside quoted identifiers; empty statements are dropped.
     */
    public static List<String> split(String redacted) {
        List<String> out = new ArrayList<>(2);
        int n = redacted.length();
        int start = 0;
        int i = 0;
        while (i < n) {
            char c = redacted.charAt(i);
            if (c == '"' || c == '`') {
                i = endOfQuoted(redacted, i, c, false);
            } else if (c == ';') {
                add(out, redacted.substring(start, i));
                start = ++i;
            } else {
                i++;
            }
        }
        add(out, redacted.substring(start));
        return out;
    }

    /**
     * Splits the original text at every {@code ;} outside literals, quoted identifiers and
     * comments: the statements as written, literals included (what a {@code SET SCHEMA 'x'} names).
     */
    public static List<String> splitWritten(String sql, boolean mysql) {
        List<String> out = new ArrayList<>(2);
        int n = sql.length();
        int start = 0;
        int i = 0;
        int dollarClosedAt = -1;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                i = endOfQuoted(sql, i, c, c == '\'' && (mysql || escapePrefix(sql, i)) || c == '"' && mysql);
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-' || c == '#' && mysql) {
                i = endOfLine(sql, i);
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*' && !(mysql && i + 2 < n && sql.charAt(i + 2) == '!')) {
                i = endOfBlockComment(sql, i, mysql);
            } else if (c == '$' && !mysql && dollarTagEnd(sql, i, dollarClosedAt) > 0) {
                int tagEnd = dollarTagEnd(sql, i, dollarClosedAt);
                int close = sql.indexOf(sql.substring(i, tagEnd), tagEnd);
                i = close < 0 ? n : close + (tagEnd - i);
                dollarClosedAt = i;
            } else if (c == ';') {
                add(out, sql.substring(start, i));
                start = ++i;
            } else {
                i++;
            }
        }
        add(out, sql.substring(start));
        return out;
    }

    private static void add(List<String> out, String statement) {
        String s = statement.trim();
        if (!s.isEmpty()) {
            out.add(s);
        }
    }

    /** PostgreSQL's {@code E'…'} strings take backslash escapes. */
    private static boolean escapePrefix(String sql, int quote) {
        return quote > 0 && (sql.charAt(quote - 1) == 'E' || sql.charAt(quote - 1) == 'e')
                && (quote < 2 || !isIdentifierChar(sql.charAt(quote - 2)));
    }

    /** {@code E'…'}, {@code X'…'}, {@code B'…'}, {@code N'…'}: the prefix belongs to the literal. */
    private static void dropPrefix(StringBuilder out, String sql, int quote) {
        int len = out.length();
        if (quote > 0 && len > 0 && "EeXxBbNn".indexOf(sql.charAt(quote - 1)) >= 0
                && (quote < 2 || !isIdentifierChar(sql.charAt(quote - 2)))) {
            out.setLength(len - 1);
        }
    }

    /** The index after the closing quote; a doubled quote is part of the text. Unterminated: the end. */
    private static int endOfQuoted(String sql, int open, char quote, boolean backslashEscapes) {
        int n = sql.length();
        int i = open + 1;
        while (i < n) {
            char c = sql.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < n && sql.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return n;
    }

    private static int endOfLine(String sql, int i) {
        int nl = sql.indexOf('\n', i);
        return nl < 0 ? sql.length() : nl + 1;
    }

    /** PostgreSQL and H2 nest block comments; MySQL and MariaDB end one at the first {@code *}{@code /}. */
    private static int endOfBlockComment(String sql, int open, boolean mysql) {
        if (mysql) {
            int close = sql.indexOf("*/", open + 2);
            return close < 0 ? sql.length() : close + 2;
        }
        int depth = 0;
        int n = sql.length();
        int i = open;
        while (i < n) {
            if (i + 1 < n && sql.charAt(i) == '/' && sql.charAt(i + 1) == '*') {
                depth++;
                i += 2;
            } else if (i + 1 < n && sql.charAt(i) == '*' && sql.charAt(i + 1) == '/') {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return n;
    }

    /**
     * The end of a {@code $tag$} opening a dollar-quoted string at {@code i}, or -1. A {@code $}
     * right after a word character is part of that word ({@code a$b}, {@code 1$$}), as in
     * PostgreSQL's lexer — unless it follows the close of another dollar quote
     * ({@code closedAt}), which ends a token; a {@code ?} counts as a word, so that redacted text
     * ({@code 1} replaced by {@code ?}) reads as the original did.
     */
    private static int dollarTagEnd(String sql, int i, int closedAt) {
        int n = sql.length();
        int j = i + 1;
        if (i > 0 && i != closedAt && (isIdentifierChar(sql.charAt(i - 1)) || sql.charAt(i - 1) == '?')) {
            return -1;
        }
        while (j < n && (Character.isLetter(sql.charAt(j)) || sql.charAt(j) == '_' || (j > i + 1 && isDigit(sql.charAt(j))))) {
            j++;
        }
        return j < n && sql.charAt(j) == '$' ? j + 1 : -1;
    }

    private static int endOfNumber(String sql, int i) {
        int n = sql.length();
        if (sql.charAt(i) == '0' && i + 1 < n && (sql.charAt(i + 1) == 'x' || sql.charAt(i + 1) == 'X')) {
            i += 2;
            while (i < n && Character.digit(sql.charAt(i), 16) >= 0) {
                i++;
            }
            return i;
        }
        while (i < n && (isDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
            i++;
        }
        if (i < n && (sql.charAt(i) == 'e' || sql.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < n && (sql.charAt(j) == '+' || sql.charAt(j) == '-')) {
                j++;
            }
            if (j < n && isDigit(sql.charAt(j))) {
                i = j;
                while (i < n && isDigit(sql.charAt(i))) {
                    i++;
                }
            }
        }
        return i;
    }

    /**
     * Whether a {@code $} here continues a word rather than opening a dollar quote. A {@code ?}
     * counts as a word: it stands for the literal redaction replaced ({@code 1$$} stays one word,
     * and so does {@code ?$$} when the redacted text is read again).
     */
    private static boolean identifierBefore(StringBuilder out) {
        if (out.length() == 0) {
            return false;
        }
        char last = out.charAt(out.length() - 1);
        return isIdentifierChar(last) || last == '?';
    }

    private static boolean isIdentifierChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static void space(StringBuilder out) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
            out.append(' ');
        }
    }
}
