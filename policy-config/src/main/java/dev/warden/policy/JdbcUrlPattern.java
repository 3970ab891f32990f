package dev.warden.policy;

/**
 * A {@code sql.connect} pattern: a glob over the JDBC URL with {@code /} segments
 * ({@code jdbc:postgresql://127.0.0.1:5432/**}). The {@code jdbc:<subprotocol>:} prefix is compared
 * case-insensitively; the rest case-sensitively, since database names and file paths in URLs may be.
 */
final class JdbcUrlPattern implements TargetMatcher {

    private final String prefix;
    private final Glob rest;
    private final String source;

    private JdbcUrlPattern(String prefix, Glob rest, String source) {
        this.prefix = prefix;
        this.rest = rest;
        this.source = source;
    }

    static TargetMatcher compile(String pattern) {
        if (!pattern.regionMatches(true, 0, "jdbc:", 0, 5)) {
            throw new IllegalArgumentException("JDBC URL pattern '" + pattern + "' must start with jdbc:");
        }
        int second = pattern.indexOf(':', 5);
        String prefix = second < 0 ? "" : pattern.substring(0, second + 1);
        if (Glob.hasWildcard(prefix)) {
            prefix = "";
        }
        return new JdbcUrlPattern(prefix, Glob.compile(pattern.substring(prefix.length()), '/', false), pattern);
    }

    @Override
    public boolean matches(String target) {
        return target.regionMatches(true, 0, prefix, 0, prefix.length())
                && rest.matches(target, prefix.length(), target.length());
    }

    @Override
    public String toString() {
        return source;
    }
}
