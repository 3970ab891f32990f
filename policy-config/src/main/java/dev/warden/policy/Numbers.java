package dev.warden.policy;

/** Allocation-free number parsing over a region of a string, for matching on the decision path. */
final class Numbers {

    private Numbers() {}

    /** The port in {@code s[from, to)}, or -1 unless it is 1 to 5 digits with a value up to 65535. */
    static int parsePort(String s, int from, int to) {
        if (to <= from || to - from > 5) {
            return -1;
        }
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v <= 65535 ? v : -1;
    }
}
