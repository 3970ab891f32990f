package dev.warden.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * A compiled glob over segments separated by one character ({@code /} for paths, {@code .} for
 * host names, none for words).
 *
 * <ul>
 *   <li>{@code *} matches any run of characters within one segment (none included);
 *   <li>{@code **} matches any run of characters across segments;
 *   <li>{@code ?} matches one character other than the separator;
 *   <li>{@code /**}{@code /} as whole segments also matches a single separator ({@code /a/**}{@code /b}
 *       matches {@code /a/b});
 *   <li>a trailing {@code /**} also matches the directory itself: {@code /srv/kb/**} matches
 *       {@code /srv/kb} as well as everything below it, but not {@code /srv/kbx};
 *   <li>{@code \} makes the next character literal.
 * </ul>
 *
 * <p>Matching walks the compiled ops over the target in place, with no regular expression, so a
 * decision-cache miss stays cheap. A pattern with one spanning wildcard allocates nothing; one with
 * several memoizes failed (op, position) pairs in a small bitset, which bounds backtracking to
 * polynomial time whatever the target.
 */
final class Glob {

    private static final byte LITERAL = 0;
    private static final byte ONE = 1;
    private static final byte STAR = 2;
    private static final byte ANY = 3;
    /** {@code /**}{@code /}: a separator, or a separator, anything, a separator. */
    private static final byte DIRS = 4;
    /** Trailing {@code /**}: the end, or a separator followed by anything. */
    private static final byte TAIL = 5;

    private final byte[] ops;
    private final String[] literals;
    private final char separator;
    private final boolean ignoreCase;
    private final String source;
    /** Two or more wildcards that span runs: backtracking could go exponential, so failures are memoized. */
    private final boolean memoize;

    private Glob(byte[] ops, String[] literals, char separator, boolean ignoreCase, String source) {
        this.ops = ops;
        this.literals = literals;
        this.separator = separator;
        this.ignoreCase = ignoreCase;
        this.source = source;
        int spans = 0;
        for (byte op : ops) {
            spans += op == STAR || op == ANY || op == DIRS ? 1 : 0;
        }
        this.memoize = spans >= 2;
    }

    /** Compiles {@code pattern}; {@code separator} {@code '\0'} means there are no segments. */
    static Glob compile(String pattern, char separator, boolean ignoreCase) {
        List<Byte> ops = new ArrayList<>();
        List<String> lits = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        int n = pattern.length();
        for (int i = 0; i < n; i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < n) {
                lit.append(pattern.charAt(++i));
            } else if (c == '?') {
                flush(lit, ops, lits);
                add(ops, lits, ONE, null);
            } else if (c != '*') {
                lit.append(c);
            } else if (i + 1 < n && pattern.charAt(i + 1) == '*') {
                while (i + 1 < n && pattern.charAt(i + 1) == '*') {
                    i++;
                }
                boolean afterSep = separator != 0 && lit.length() > 0 && lit.charAt(lit.length() - 1) == separator;
                boolean atEnd = i + 1 == n;
                boolean beforeSep = !atEnd && pattern.charAt(i + 1) == separator;
                if (afterSep && (atEnd || beforeSep)) {
                    lit.setLength(lit.length() - 1); // the separator becomes part of the op
                    flush(lit, ops, lits);
                    add(ops, lits, atEnd ? TAIL : DIRS, null);
                    if (beforeSep) {
                        i++; // DIRS consumes the separator after it too
                    }
                } else {
                    flush(lit, ops, lits);
                    add(ops, lits, ANY, null);
                }
            } else {
                flush(lit, ops, lits);
                add(ops, lits, separator == 0 ? ANY : STAR, null);
            }
        }
        flush(lit, ops, lits);
        byte[] opArray = new byte[ops.size()];
        for (int i = 0; i < opArray.length; i++) {
            opArray[i] = ops.get(i);
        }
        return new Glob(opArray, lits.toArray(new String[0]), separator, ignoreCase, pattern);
    }

    private static void flush(StringBuilder lit, List<Byte> ops, List<String> lits) {
        if (lit.length() > 0) {
            add(ops, lits, LITERAL, lit.toString());
            lit.setLength(0);
        }
    }

    private static void add(List<Byte> ops, List<String> lits, byte op, String literal) {
        ops.add(op);
        lits.add(literal);
    }

    /** Whether a pattern has any wildcard ({@code *} or {@code ?}) that is not escaped. */
    static boolean hasWildcard(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '*' || c == '?') {
                return true;
            }
        }
        return false;
    }

    /** {@code text} with glob characters escaped, so it matches only itself. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '*' || c == '?' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    boolean matches(String s) {
        return matches(s, 0, s.length());
    }

    /** Whether the region {@code [from, to)} of {@code s} matches. */
    boolean matches(String s, int from, int to) {
        // Only patterns with several spanning wildcards pay for the memo, and only on a cache miss.
        long[] failed = memoize ? new long[((ops.length + 1) * (to - from + 1) >>> 6) + 1] : null;
        return match(0, s, from, to, from, failed);
    }

    /** {@code failed} remembers (op, position) pairs already known not to match, so each is tried once. */
    private boolean match(int op, String s, int i, int end, int from, long[] failed) {
        if (failed == null) {
            return walk(op, s, i, end, from, null);
        }
        int bit = op * (end - from + 1) + (i - from);
        if ((failed[bit >>> 6] & (1L << bit)) != 0) {
            return false;
        }
        boolean ok = walk(op, s, i, end, from, failed);
        if (!ok) {
            failed[bit >>> 6] |= 1L << bit;
        }
        return ok;
    }

    private boolean walk(int op, String s, int i, int end, int from, long[] failed) {
        while (op < ops.length) {
            switch (ops[op]) {
                case LITERAL: {
                    String lit = literals[op];
                    if (i + lit.length() > end || !s.regionMatches(ignoreCase, i, lit, 0, lit.length())) {
                        return false;
                    }
                    i += lit.length();
                    break;
                }
                case ONE:
                    if (i >= end || s.charAt(i) == separator) {
                        return false;
                    }
                    i++;
                    break;
                case STAR:
                    for (int k = i; ; k++) {
                        if (match(op + 1, s, k, end, from, failed)) {
                            return true;
                        }
                        if (k >= end || s.charAt(k) == separator) {
                            return false;
                        }
                    }
                case ANY:
                    if (op == ops.length - 1) {
                        return true;
                    }
                    for (int k = i; k <= end; k++) {
                        if (match(op + 1, s, k, end, from, failed)) {
                            return true;
                        }
                    }
                    return false;
                case DIRS:
                    for (int k = i; k < end; k++) {
                        if (s.charAt(k) == separator && match(op + 1, s, k + 1, end, from, failed)) {
                            return true;
                        }
                    }
                    return false;
                default: // TAIL, always the last op
                    return i == end || s.charAt(i) == separator;
            }
            op++;
        }
        return i == end;
    }

    @Override
    public String toString() {
        return source;
    }
}
