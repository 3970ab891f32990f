package dev.warden.agent.governor;

import dev.warden.policy.UrlTargets;
import java.nio.charset.StandardCharsets;

/**
 * Normalized {@code http.*} targets by the URL a client requests, so that a repeated request costs
 * a hash of its URL up to the query and one comparison: no parsing, no allocation.
 *
 * <p>A fixed table of immutable entries, replaced whole on a miss: reads need no lock, a lost race
 * only costs a second normalization. The query and fragment are not part of the key (they are not
 * part of the target), so requests that differ only in their query share an entry.
 */
final class HttpTargets {

    /** One normalized URL: the target, its UTF-8 for the trail, and the {@code host:port} it connects to. */
    static final class Target {
        final String key;
        final String target;
        final byte[] utf8;
        final String endpoint;

        Target(String key, String target, String endpoint) {
            this.key = key;
            this.target = target;
            this.utf8 = target.getBytes(StandardCharsets.UTF_8);
            this.endpoint = endpoint;
        }
    }

    private static final int SIZE = 1024;
    private final Target[] table = new Target[SIZE];

    /** The target of {@code url}; {@link IllegalArgumentException} if it is not an absolute URL. */
    Target of(String url) {
        int end = keyEnd(url);
        int h = hash(url, end);
        int slot = h & (SIZE - 1);
        Target t = table[slot];
        if (t != null && t.key.length() == end && t.key.regionMatches(0, url, 0, end)) {
            return t;
        }
        String key = url.substring(0, end);
        String target = UrlTargets.normalize(key);
        t = new Target(key, target, endpoint(target));
        table[slot] = t;
        return t;
    }

    /** {@code host:port} of a normalized {@code scheme://host:port/path}. */
    static String endpoint(String target) {
        int start = target.indexOf("://") + 3;
        int slash = target.indexOf('/', start);
        return target.substring(start, slash < 0 ? target.length() : slash);
    }

    private static int keyEnd(String url) {
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '?' || c == '#') {
                return i;
            }
        }
        return url.length();
    }

    private static int hash(String s, int end) {
        int h = 0;
        for (int i = 0; i < end; i++) {
            h = 31 * h + s.charAt(i);
        }
        return h ^ (h >>> 16);
    }
}
