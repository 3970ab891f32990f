package dev.warden.policy;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * The target of an {@code http.*} action, as policy.md's "URLs" defines it:
 * {@code scheme://host:port/path} with the scheme and host lower-cased, the default port written
 * out, IP literals in canonical form, no user info, query or fragment, percent-encoded unreserved
 * characters decoded and dot-segments resolved (an encoded {@code /} stays encoded).
 *
 * <p>The host is the one the URL really names ({@code https://crm.example.com@evil.test/} is
 * {@code evil.test}); every IPv4 spelling Java's resolver accepts without a lookup (one to four
 * decimal parts: {@code 2130706433}, {@code 127.1}) and IPv4-mapped IPv6 become dotted quads.
 */
public final class UrlTargets {

    private UrlTargets() {}

    /** The normalized target; {@link IllegalArgumentException} for what is no absolute URL. */
    public static String normalize(String url) {
        URI u;
        try {
            u = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + url, e);
        }
        String hostText = u.getHost();
        int explicitPort = u.getPort();
        if (hostText == null && u.getRawAuthority() != null) {
            // java.net.URI takes "127.1" for a registry name (a top label must not start with a
            // digit) and leaves the host empty; the HTTP clients resolve it as an IPv4 literal.
            String authority = u.getRawAuthority().substring(u.getRawAuthority().lastIndexOf('@') + 1);
            int colon = authority.lastIndexOf(':');
            if (colon > 0 && !authority.endsWith("]")) {
                try {
                    explicitPort = Integer.parseInt(authority.substring(colon + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("bad port in " + url, e);
                }
                authority = authority.substring(0, colon);
            }
            hostText = authority.isEmpty() ? null : authority;
        }
        if (u.getScheme() == null || hostText == null) {
            throw new IllegalArgumentException("not an absolute URL with a host: " + url);
        }
        String scheme = u.getScheme().toLowerCase(Locale.ROOT);
        int port = explicitPort >= 0 ? explicitPort : defaultPort(scheme);
        String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : removeDotSegments(decodeUnreserved(u.getRawPath()));
        return scheme + "://" + host(hostText) + (port >= 0 ? ":" + port : "") + path;
    }

    static int defaultPort(String scheme) {
        switch (scheme) {
            case "http":
            case "ws":
                return 80;
            case "https":
            case "wss":
                return 443;
            default:
                return -1;
        }
    }

    /** Lower case, no trailing dot, IP literals canonical. */
    static String host(String raw) {
        String h = raw.toLowerCase(Locale.ROOT);
        while (h.endsWith(".") && h.length() > 1) {
            h = h.substring(0, h.length() - 1);
        }
        if (h.startsWith("[") && h.endsWith("]")) {
            return IpLiterals.ipv6(h.substring(1, h.length() - 1));
        }
        String v4 = IpLiterals.ipv4(h);
        return v4 != null ? v4 : h;
    }

    /** Decodes %XX of unreserved characters (ALPHA, DIGIT, -._~); upper-cases the hex of the others. */
    static String decodeUnreserved(String path) {
        StringBuilder out = new StringBuilder(path.length());
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%' && i + 2 < path.length() && hex(path.charAt(i + 1)) >= 0 && hex(path.charAt(i + 2)) >= 0) {
                char decoded = (char) (hex(path.charAt(i + 1)) * 16 + hex(path.charAt(i + 2)));
                if (unreserved(decoded)) {
                    out.append(decoded);
                } else {
                    out.append('%').append(Character.toUpperCase(path.charAt(i + 1))).append(Character.toUpperCase(path.charAt(i + 2)));
                }
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** RFC 3986 section 5.2.4 on an absolute path. */
    static String removeDotSegments(String path) {
        Deque<String> kept = new ArrayDeque<>();
        String[] segments = path.split("/", -1);
        for (int i = 1; i < segments.length; i++) {
            String s = segments[i];
            boolean last = i == segments.length - 1;
            if (s.equals(".")) {
                if (last) {
                    kept.addLast("");
                }
            } else if (s.equals("..")) {
                kept.pollLast();
                if (last) {
                    kept.addLast("");
                }
            } else {
                kept.addLast(s);
            }
        }
        return "/" + String.join("/", kept);
    }

    private static boolean unreserved(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
