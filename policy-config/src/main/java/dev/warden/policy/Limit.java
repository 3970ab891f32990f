package dev.warden.policy;

import java.time.Duration;

/**
 * {@code N/window}: at most {@code count} events per sliding {@code window} ({@code 20/1h}). Used by
 * a rule's {@code limit} and by {@code warden.breaker.errors}.
 */
public record Limit(int count, Duration window) {

    /** Large enough for any sane policy, small enough that a limiter's ring stays a few megabytes. */
    static final int MAX_COUNT = 1_000_000;

    /**
     * Parses {@code 20/1h}, {@code 5/1m}; a bare unit means one of it ({@code 100/h}).
     *
     * @throws IllegalArgumentException saying what is accepted
     */
    public static Limit parse(String text) {
        String s = text.trim();
        int slash = s.indexOf('/');
        if (slash <= 0 || slash == s.length() - 1) {
            throw bad(text);
        }
        String n = s.substring(0, slash).trim();
        String w = s.substring(slash + 1).trim();
        if (!n.chars().allMatch(Character::isDigit) || n.length() > 7) {
            throw bad(text);
        }
        int count = Integer.parseInt(n);
        if (count < 1 || count > MAX_COUNT) {
            throw new IllegalArgumentException("limit '" + text + "': N must be between 1 and " + MAX_COUNT);
        }
        Duration window;
        try {
            window = Durations.parse(Character.isDigit(w.charAt(0)) ? w : "1" + w);
        } catch (IllegalArgumentException e) {
            throw bad(text);
        }
        return new Limit(count, window);
    }

    private static IllegalArgumentException bad(String text) {
        return new IllegalArgumentException("bad limit '" + text + "' (write N/window, e.g. 20/1h or 5/1m)");
    }

    @Override
    public String toString() {
        return count + "/" + Durations.format(window);
    }
}
