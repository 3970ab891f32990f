package dev.warden.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code .properties} text line by line, as {@link java.util.Properties#load(java.io.Reader)}
 * does, but keeps each property's line number and every occurrence of a key.
 *
 * <p>{@code java.util.Properties} forgets both: it cannot say where an error is, and it silently
 * keeps the last of two equal keys. Supported syntax: {@code #} and {@code !} comment lines;
 * {@code =}, {@code :} or whitespace between key and value; a backslash at the end of a line
 * continues the property on the next (whose leading whitespace is skipped); the escapes
 * {@code \t \n \r \f \\}, the backslash-u unicode escapes and {@code \x} for any other {@code x}. Unlike
 * {@code Properties}, trailing whitespace of a value is trimmed too (an escaped space is kept).
 */
final class PropertiesReader {

    /** One property as written: its key and value unescaped, and the line it starts on. */
    record Line(String key, String value, int line) {}

    private PropertiesReader() {}

    static List<Line> read(String text, Problems problems) {
        List<Line> out = new ArrayList<>();
        String[] natural = text.split("\r\n|\r|\n", -1);
        int i = 0;
        while (i < natural.length) {
            int start = i;
            String first = stripLeading(natural[i]);
            i++;
            if (first.isEmpty() || first.charAt(0) == '#' || first.charAt(0) == '!') {
                continue;
            }
            StringBuilder logical = new StringBuilder(first);
            while (endsWithContinuation(logical) && i < natural.length) {
                logical.setLength(logical.length() - 1);
                logical.append(stripLeading(natural[i]));
                i++;
            }
            if (endsWithContinuation(logical)) {
                logical.setLength(logical.length() - 1); // a continuation at end of file continues into nothing
            }
            Line line = split(logical.toString(), start + 1, problems);
            if (line != null) {
                out.add(line);
            }
        }
        return out;
    }

    private static Line split(String s, int lineNo, Problems problems) {
        int keyEnd = 0;
        while (keyEnd < s.length()) {
            char c = s.charAt(keyEnd);
            if (c == '\\') {
                keyEnd += 2;
                continue;
            }
            if (c == '=' || c == ':' || isWhitespace(c)) {
                break;
            }
            keyEnd++;
        }
        keyEnd = Math.min(keyEnd, s.length());
        int v = keyEnd;
        while (v < s.length() && isWhitespace(s.charAt(v))) {
            v++;
        }
        if (v < s.length() && (s.charAt(v) == '=' || s.charAt(v) == ':')) {
            v++;
        }
        while (v < s.length() && isWhitespace(s.charAt(v))) {
            v++;
        }
        try {
            String key = unescape(s, 0, keyEnd);
            String value = unescape(s, v, endOfValue(s, v));
            return new Line(key, value, lineNo);
        } catch (IllegalArgumentException e) {
            problems.add(lineNo, e.getMessage());
            return null;
        }
    }

    /** The end of the value without trailing whitespace; whitespace escaped by a backslash stays. */
    private static int endOfValue(String s, int from) {
        int end = from;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
                end = Math.min(i + 1, s.length());
            } else if (!isWhitespace(c)) {
                end = i + 1;
            }
        }
        return end;
    }

    private static String unescape(String s, int from, int to) {
        StringBuilder out = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= to) {
                out.append(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 't': out.append('\t'); break;
                case 'n': out.append('\n'); break;
                case 'r': out.append('\r'); break;
                case 'f': out.append('\f'); break;
                case 'u':
                    out.append(unicode(s, i + 1, to));
                    i += 4;
                    break;
                default: out.append(e);
            }
        }
        return out.toString();
    }

    private static char unicode(String s, int from, int to) {
        if (from + 4 > to) {
            throw new IllegalArgumentException("malformed \\u escape: four hex digits must follow \\u");
        }
        int value = 0;
        for (int i = from; i < from + 4; i++) {
            int d = Character.digit(s.charAt(i), 16);
            if (d < 0) {
                throw new IllegalArgumentException("malformed \\u escape '\\u" + s.substring(from, from + 4)
                        + "': four hex digits must follow \\u");
            }
            value = value * 16 + d;
        }
        return (char) value;
    }

    /** An odd number of trailing backslashes: the last one escapes the line end. */
    private static boolean endsWithContinuation(CharSequence s) {
        int n = 0;
        for (int i = s.length() - 1; i >= 0 && s.charAt(i) == '\\'; i--) {
            n++;
        }
        return n % 2 == 1;
    }

    private static String stripLeading(String s) {
        int i = 0;
        while (i < s.length() && isWhitespace(s.charAt(i))) {
            i++;
        }
        return s.substring(i);
    }

    /** The whitespace of the properties format: space, tab and form feed. */
    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\f';
    }
}
