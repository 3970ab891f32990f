package dev.warden.policy;

/**
 * Parses IPv4 and IPv6 literals over a region of a string, without {@code InetAddress} (which may
 * resolve names) and without regular expressions.
 */
final class IpAddresses {

    private IpAddresses() {}

    /** The IPv4 address in dotted-quad form in {@code s[from, to)} as an unsigned 32-bit value, or -1. */
    static long parseV4(String s, int from, int to) {
        long value = 0;
        int parts = 0;
        int i = from;
        while (parts < 4) {
            int start = i;
            int octet = 0;
            while (i < to && i - start < 3 && Character.isDigit(s.charAt(i))) {
                octet = octet * 10 + (s.charAt(i) - '0');
                i++;
            }
            if (i == start || octet > 255) {
                return -1;
            }
            value = (value << 8) | octet;
            parts++;
            if (parts < 4) {
                if (i >= to || s.charAt(i) != '.') {
                    return -1;
                }
                i++;
            }
        }
        return i == to ? value : -1;
    }

    /**
     * Parses an IPv6 address in {@code s[from, to)} (with {@code ::}, an embedded IPv4 tail and an
     * ignored {@code %zone}) into {@code out[0]} (high 64 bits) and {@code out[1]} (low 64 bits).
     */
    static boolean parseV6(String s, int from, int to, long[] out) {
        int pct = s.indexOf('%', from);
        if (pct >= 0 && pct < to) {
            to = pct;
        }
        int[] groups = new int[8];
        int n = 0;
        int gap = -1;
        int i = from;
        if (s.startsWith("::", from) && from + 2 <= to) {
            gap = 0;
            i += 2;
        }
        while (i < to) {
            int j = i;
            while (j < to && s.charAt(j) != ':') {
                j++;
            }
            if (j == i) {
                return false;
            }
            if (j == to && s.lastIndexOf('.', to - 1) >= i) {
                long v4 = parseV4(s, i, j);
                if (v4 < 0 || n > 6) {
                    return false;
                }
                groups[n++] = (int) (v4 >>> 16);
                groups[n++] = (int) (v4 & 0xffff);
                break;
            }
            int value = hex(s, i, j);
            if (value < 0 || n == 8) {
                return false;
            }
            groups[n++] = value;
            if (j == to) {
                break;
            }
            if (j + 1 < to && s.charAt(j + 1) == ':') {
                if (gap >= 0) {
                    return false;
                }
                gap = n;
                i = j + 2;
            } else {
                i = j + 1;
                if (i == to) {
                    return false;
                }
            }
        }
        if (gap < 0 ? n != 8 : n > 7) {
            return false;
        }
        int[] full = new int[8];
        int tail = gap < 0 ? 0 : n - gap;
        int head = n - tail;
        System.arraycopy(groups, 0, full, 0, head);
        System.arraycopy(groups, head, full, 8 - tail, tail);
        out[0] = ((long) full[0] << 48) | ((long) full[1] << 32) | ((long) full[2] << 16) | full[3];
        out[1] = ((long) full[4] << 48) | ((long) full[5] << 32) | ((long) full[6] << 16) | full[7];
        return true;
    }

    private static int hex(String s, int from, int to) {
        if (to - from > 4) {
            return -1;
        }
        int v = 0;
        for (int i = from; i < to; i++) {
            int d = Character.digit(s.charAt(i), 16);
            if (d < 0) {
                return -1;
            }
            v = v * 16 + d;
        }
        return v;
    }
}
