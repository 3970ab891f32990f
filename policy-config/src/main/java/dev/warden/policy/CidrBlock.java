package dev.warden.policy;

/**
 * An IPv4 or IPv6 address block ({@code 10.0.0.0/8}, {@code fd00::/8}; a plain address is a block
 * of one). An IPv4 block also matches IPv4-mapped IPv6 addresses ({@code ::ffff:169.254.169.254}),
 * so a deny on a v4 range cannot be sidestepped through a dual-stack socket.
 */
final class CidrBlock {

    private static final long V4_MAPPED = 0xffff_0000_0000L;

    private final long high;
    private final long low;
    private final long highMask;
    private final long lowMask;

    /** {@code bits} counts from the start of the 128-bit (IPv4-mapped, for v4) address. */
    private CidrBlock(long high, long low, int bits) {
        long[] masks = masks(bits);
        this.highMask = masks[0];
        this.lowMask = masks[1];
        this.high = high & highMask;
        this.low = low & lowMask;
    }

    /** {@code text} as a v4 block ({@code a.b.c.d[/n]}), a v6 block ({@code x::y[/n]}), or {@code null} if it is neither. */
    static CidrBlock parse(String text) {
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        long v4 = IpAddresses.parseV4(address, 0, address.length());
        long[] v6 = new long[2];
        boolean isV6 = v4 < 0 && IpAddresses.parseV6(address, 0, address.length(), v6);
        if (v4 < 0 && !isV6) {
            return null;
        }
        int bits = isV6 ? 128 : 32;
        if (slash >= 0) {
            String n = text.substring(slash + 1);
            if (n.isEmpty() || n.length() > 3 || !n.chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException("bad prefix length in '" + text + "'");
            }
            bits = Integer.parseInt(n);
            if (bits > (isV6 ? 128 : 32)) {
                throw new IllegalArgumentException("prefix length /" + bits + " in '" + text + "' is too long");
            }
        }
        // A v4 block is kept as its IPv4-mapped v6 block, so one comparison serves both kinds of target.
        return isV6 ? new CidrBlock(v6[0], v6[1], bits) : new CidrBlock(0L, V4_MAPPED | v4, bits + 96);
    }

    /** Whether the address literal in {@code s[from, to)} (brackets allowed) is in this block. */
    boolean contains(String s, int from, int to) {
        if (to - from >= 2 && s.charAt(from) == '[' && s.charAt(to - 1) == ']') {
            from++;
            to--;
        }
        long v4 = IpAddresses.parseV4(s, from, to);
        if (v4 >= 0) {
            return high == 0 && ((V4_MAPPED | v4) & lowMask) == low; // as its IPv4-mapped form
        }
        long[] a = new long[2];
        return IpAddresses.parseV6(s, from, to, a) && (a[0] & highMask) == high && (a[1] & lowMask) == low;
    }

    /** The masks of the first {@code bits} of 128. */
    private static long[] masks(int bits) {
        long hi = bits >= 64 ? -1L : bits <= 0 ? 0L : -1L << (64 - bits);
        long lo = bits >= 128 ? -1L : bits <= 64 ? 0L : -1L << (128 - bits);
        return new long[] {hi, lo};
    }
}
