package dev.warden.policy;

/**
 * A {@code net.connect} pattern: {@code host:port}, where the host is an IPv4 address or CIDR block
 * ({@code 10.0.0.0/8:5432}, {@code 169.254.0.0/16:*}), an IPv6 one in brackets ({@code [::1]:443},
 * {@code [fd00::/8]:*}) or a host-name glob with {@code .} segments ({@code *.internal:*},
 * case-insensitive); the port is a number or {@code *} and must be written. Unix-domain sockets are
 * {@code unix:/path} with a path glob.
 */
final class HostPortPattern implements TargetMatcher {

    private static final String UNIX = "unix:";

    private final CidrBlock block;
    private final Glob hostGlob;
    private final int port;
    private final String source;

    private HostPortPattern(CidrBlock block, Glob hostGlob, int port, String source) {
        this.block = block;
        this.hostGlob = hostGlob;
        this.port = port;
        this.source = source;
    }

    static TargetMatcher compile(String pattern) {
        if (pattern.regionMatches(true, 0, UNIX, 0, UNIX.length())) {
            return unix(pattern);
        }
        int colon;
        String host;
        if (pattern.startsWith("[")) {
            int close = pattern.indexOf(']');
            if (close < 0) {
                throw bad(pattern, "has '[' without ']'");
            }
            host = pattern.substring(1, close);
            colon = close + 1 < pattern.length() && pattern.charAt(close + 1) == ':' ? close + 1 : -1;
        } else {
            colon = pattern.lastIndexOf(':');
            host = colon < 0 ? pattern : pattern.substring(0, colon);
            if (host.indexOf(':') >= 0) {
                throw bad(pattern, "has an IPv6 address without brackets; write [" + host + "]:port");
            }
        }
        if (colon < 0 || colon == pattern.length() - 1) {
            throw bad(pattern, "needs a port: host:port, or host:* for any port");
        }
        String portText = pattern.substring(colon + 1);
        boolean anyPort = portText.equals("*");
        int port = anyPort ? -1 : Numbers.parsePort(portText, 0, portText.length());
        if (!anyPort && port < 1) {
            throw bad(pattern, "has a bad port '" + portText + "' (1 to 65535, or *)");
        }
        if (host.isEmpty()) {
            throw bad(pattern, "needs a host");
        }
        CidrBlock block = CidrBlock.parse(host);
        if (block == null && host.indexOf('/') >= 0) {
            throw bad(pattern, "has a '/' but '" + host + "' is not an address block such as 10.0.0.0/8");
        }
        return new HostPortPattern(block, block == null ? Glob.compile(host, '.', true) : null, port, pattern);
    }

    private static TargetMatcher unix(String pattern) {
        Glob path = Glob.compile(pattern.substring(UNIX.length()), '/', false);
        return new TargetMatcher() {
            @Override
            public boolean matches(String target) {
                return target.startsWith(UNIX) && path.matches(target, UNIX.length(), target.length());
            }

            @Override
            public String toString() {
                return pattern;
            }
        };
    }

    private static IllegalArgumentException bad(String pattern, String why) {
        return new IllegalArgumentException("net.connect pattern '" + pattern + "' " + why);
    }

    @Override
    public boolean matches(String target) {
        if (target.startsWith(UNIX)) {
            return false;
        }
        int colon = target.lastIndexOf(':');
        int close = target.startsWith("[") ? target.indexOf(']') : -1;
        if (colon < 0 || colon < close) {
            return false;
        }
        if (port != -1 && Numbers.parsePort(target, colon + 1, target.length()) != port) {
            return false;
        }
        return block != null ? block.contains(target, 0, colon) : hostGlob.matches(target, 0, colon);
    }

    @Override
    public String toString() {
        return source;
    }
}
