package dev.warden.policy;

/**
 * A URL pattern {@code scheme://host[:port][/path]}, matched against the agent's normalized
 * targets {@code scheme://host:port/path}.
 *
 * <p>Scheme and host are case-insensitive; the host is a glob whose segments are separated by
 * {@code .} ({@code *.example.com} matches {@code a.example.com}, not {@code a.b.example.com};
 * {@code **.example.com} matches both, and neither matches {@code example.com} itself). No port
 * means the scheme's default port; {@code :*} means any port. The path is a case-sensitive glob with
 * {@code /} segments. A pattern with no path at all ({@code https://api.example.com}) means that
 * origin with any path; {@code https://api.example.com/} means the root path only.
 */
final class UrlPattern implements TargetMatcher {

    private static final int ANY_PORT = -1;
    /** The pattern's scheme is a wildcard: compare with the default port of the target's scheme. */
    private static final int SCHEME_DEFAULT = -2;

    private static final String[] SCHEMES = {"http", "https", "ws", "wss", "ftp"};
    private static final int[] DEFAULT_PORTS = {80, 443, 80, 443, 21};

    private final Glob scheme;
    private final Glob host;
    private final int port;
    private final Glob path;
    private final String source;

    private UrlPattern(Glob scheme, Glob host, int port, Glob path, String source) {
        this.scheme = scheme;
        this.host = host;
        this.port = port;
        this.path = path;
        this.source = source;
    }

    static TargetMatcher compile(String pattern) {
        int sep = pattern.indexOf("://");
        if (sep < 1) {
            throw new IllegalArgumentException("URL pattern '" + pattern + "' needs scheme://host, e.g. https://api.example.com/**");
        }
        if (pattern.indexOf('?') >= 0 || pattern.indexOf('#') >= 0) {
            throw new IllegalArgumentException("URL pattern '" + pattern + "' has a query or fragment; targets have neither");
        }
        String schemeText = pattern.substring(0, sep);
        int authStart = sep + 3;
        int pathStart = pattern.indexOf('/', authStart);
        String authority = pattern.substring(authStart, pathStart < 0 ? pattern.length() : pathStart);
        if (authority.isEmpty() || authority.indexOf('@') >= 0) {
            throw new IllegalArgumentException("URL pattern '" + pattern + "' needs a host (and no user@)");
        }
        if (authority.startsWith("[") && authority.indexOf(']') < 0) {
            throw new IllegalArgumentException("URL pattern '" + pattern + "' has '[' without ']'");
        }
        int colon = authority.startsWith("[") ? authority.indexOf(':', authority.indexOf(']'))
                : authority.lastIndexOf(':');
        String hostText = colon < 0 ? authority : authority.substring(0, colon);
        int port = colon < 0 ? defaultPort(schemeText, pattern) : port(authority.substring(colon + 1), pattern);
        Glob path = pathStart < 0 ? null : Glob.compile(pattern.substring(pathStart), '/', false);
        return new UrlPattern(Glob.compile(schemeText, '\0', true), Glob.compile(hostText, '.', true), port, path, pattern);
    }

    private static int port(String text, String pattern) {
        if (text.equals("*")) {
            return ANY_PORT;
        }
        try {
            int p = Integer.parseInt(text);
            if (p >= 1 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("URL pattern '" + pattern + "' has a bad port '" + text + "' (1 to 65535, or *)");
    }

    private static int defaultPort(String scheme, String pattern) {
        if (Glob.hasWildcard(scheme)) {
            return SCHEME_DEFAULT;
        }
        int p = defaultPort(scheme, 0, scheme.length());
        if (p < 0) {
            throw new IllegalArgumentException("URL pattern '" + pattern + "': scheme '" + scheme
                    + "' has no default port; write :port or :*");
        }
        return p;
    }

    /** The default port of the scheme in {@code s[from, to)}, or -1. */
    private static int defaultPort(String s, int from, int to) {
        for (int i = 0; i < SCHEMES.length; i++) {
            String name = SCHEMES[i];
            if (to - from == name.length() && s.regionMatches(true, from, name, 0, name.length())) {
                return DEFAULT_PORTS[i];
            }
        }
        return -1;
    }

    @Override
    public boolean matches(String target) {
        int schemeEnd = target.indexOf("://");
        if (schemeEnd < 0 || !scheme.matches(target, 0, schemeEnd)) {
            return false;
        }
        int hostStart = schemeEnd + 3;
        int pathStart = target.indexOf('/', hostStart);
        if (pathStart < 0) {
            pathStart = target.length();
        }
        int hostEnd = pathStart;
        if (hostStart < pathStart && target.charAt(hostStart) == '[') {
            int close = target.indexOf(']', hostStart);
            if (close < 0 || close >= pathStart) {
                return false;
            }
            hostEnd = close + 1;
        } else {
            int colon = target.lastIndexOf(':', pathStart - 1);
            if (colon >= hostStart) {
                hostEnd = colon;
            }
        }
        if (!host.matches(target, hostStart, hostEnd) || !portMatches(target, schemeEnd, hostEnd, pathStart)) {
            return false;
        }
        if (path == null) {
            return true;
        }
        return pathStart == target.length() ? path.matches("/") : path.matches(target, pathStart, target.length());
    }

    private boolean portMatches(String target, int schemeEnd, int hostEnd, int pathStart) {
        if (port == ANY_PORT) {
            return true;
        }
        int actual = -1;
        if (hostEnd < pathStart && target.charAt(hostEnd) == ':') {
            actual = Numbers.parsePort(target, hostEnd + 1, pathStart);
        } else if (hostEnd == pathStart) {
            actual = defaultPort(target, 0, schemeEnd);
        }
        int wanted = port == SCHEME_DEFAULT ? defaultPort(target, 0, schemeEnd) : port;
        return actual >= 0 && actual == wanted;
    }

    @Override
    public String toString() {
        return source;
    }
}
