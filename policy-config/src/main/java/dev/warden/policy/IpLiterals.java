package dev.warden.policy;

/** Canonical spellings of IP literals, without any name lookup. */
final class IpLiterals {

    private IpLiterals() {}

    /**
     * The dotted quad of an IPv4 literal in any form Java's resolver accepts without a lookup (one
     * to four decimal parts, the last filling the remaining bytes), or {@code null} if {@code h} is
     * no such literal.
     */
    static String ipv4(String h) {
        if (h.isEmpty() || h.startsWith(".") || h.endsWith(".")) {
            return null;
        }
        String[] parts = h.split("\\.", -1);
        if (parts.length > 4) {
            return null;
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].isEmpty() || parts[i].length() > 10 || !parts[i].chars().allMatch(Character::isDigit)) {
                return null;
            }
            values[i] = Long.parseLong(parts[i]);
        }
        long address = 0;
        for (int i = 0; i < parts.length - 1; i++) {
            if (values[i] > 255) {
                return null;
            }
            address = (address << 8) | values[i];
        }
        int restBytes = 4 - (parts.length - 1);
        long last = values[parts.length - 1];
        if (last >= (1L << (8 * restBytes))) {
            return null;
        }
        address = (address << (8 * restBytes)) | last;
        return ((address >> 24) & 255) + "." + ((address >> 16) & 255) + "." + ((address >> 8) & 255) + "." + (address & 255);
    }

    /** An IPv6 literal in RFC 5952 form, in brackets; an IPv4-mapped one as its dotted quad. */
    static String ipv6(String literal) {
        int[] groups = groups(literal);
        if (groups == null) {
            return "[" + literal + "]";
        }
        if (groups[0] == 0 && groups[1] == 0 && groups[2] == 0 && groups[3] == 0 && groups[4] == 0 && groups[5] == 0xffff) {
            return (groups[6] >> 8) + "." + (groups[6] & 255) + "." + (groups[7] >> 8) + "." + (groups[7] & 255);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 1 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.append(']').toString();
    }

    /** The eight 16-bit groups of an IPv6 literal (a zone id is dropped), or {@code null}. */
    private static int[] groups(String literal) {
        long[] halves = new long[2];
        if (!IpAddresses.parseV6(literal, 0, literal.length(), halves)) {
            return null;
        }
        int[] groups = new int[8];
        for (int g = 0; g < 8; g++) {
            long half = halves[g / 4];
            groups[g] = (int) ((half >>> (48 - 16 * (g % 4))) & 0xffff);
        }
        return groups;
    }
}
