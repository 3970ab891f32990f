package dev.warden.policy;

import java.time.Duration;

/** Durations as policies write them: {@code 500ms}, {@code 30s}, {@code 15m}, {@code 8h}, {@code 7d}. */
public final class Durations {

    static final String FORMS = "write e.g. 30s, 15m, 8h, 7d or 500ms";

    private Durations() {}

    /** A positive duration, or an {@link IllegalArgumentException} saying what is accepted. */
    public static Duration parse(String text) {
        String s = text.trim();
        int digits = 0;
        while (digits < s.length() && Character.isDigit(s.charAt(digits))) {
            digits++;
        }
        if (digits == 0 || digits > 12) {
            throw bad(text);
        }
        long n = Long.parseLong(s.substring(0, digits));
        Duration d = unit(s.substring(digits), n);
        if (d == null) {
            throw bad(text);
        }
        if (d.isZero()) {
            throw new IllegalArgumentException("duration '" + text + "' must be more than zero");
        }
        return d;
    }

    private static Duration unit(String unit, long n) {
        switch (unit) {
            case "ms": return Duration.ofMillis(n);
            case "s": return Duration.ofSeconds(n);
            case "m": return Duration.ofMinutes(n);
            case "h": return Duration.ofHours(n);
            case "d": return Duration.ofDays(n);
            default: return null;
        }
    }

    /** Whether {@code text} is written as a duration at all (digits and a unit). */
    public static boolean looksLikeDuration(String text) {
        String s = text.trim();
        int digits = 0;
        while (digits < s.length() && Character.isDigit(s.charAt(digits))) {
            digits++;
        }
        return digits > 0 && digits <= 12 && unit(s.substring(digits), 0) != null;
    }

    private static IllegalArgumentException bad(String text) {
        return new IllegalArgumentException("bad duration '" + text + "' (" + FORMS + ")");
    }

    /** The shortest policy spelling of a duration, for messages and {@link Limit#toString()}. */
    static String format(Duration d) {
        long ms = d.toMillis();
        long[] sizes = {86_400_000L, 3_600_000L, 60_000L, 1000L};
        String[] units = {"d", "h", "m", "s"};
        for (int i = 0; i < sizes.length; i++) {
            if (ms % sizes[i] == 0) {
                return ms / sizes[i] + units[i];
            }
        }
        return ms + "ms";
    }
}
