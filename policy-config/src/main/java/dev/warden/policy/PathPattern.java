package dev.warden.policy;

import java.nio.file.Path;

/**
 * A file path pattern: absolute (a relative one is resolved against {@code user.dir} at load),
 * normalized, and compared case-sensitively with {@code /} separating segments (see {@link Glob}).
 *
 * <p>Its literal prefix (the segments before the first wildcard) is also resolved through symlinks
 * when the policy is loaded, so {@code /home/me/**} still matches when {@code /home} is a link to
 * {@code /data/home}: a path matches if either the pattern as written or the resolved one matches.
 */
final class PathPattern implements TargetMatcher {

    private final Glob written;
    private final Glob resolved;

    private PathPattern(Glob written, Glob resolved) {
        this.written = written;
        this.resolved = resolved;
    }

    static TargetMatcher compile(String pattern, Path baseDir) {
        String absolute = absolute(pattern, baseDir);
        String real = resolvePrefix(absolute);
        Glob w = Glob.compile(absolute, '/', false);
        return new PathPattern(w, real.equals(absolute) ? null : Glob.compile(real, '/', false));
    }

    /** A pattern that matches exactly {@code path}, and with {@code subtree} everything below it too. */
    static TargetMatcher literal(Path path, boolean subtree) {
        String p = Glob.escape(path.toString());
        String suffix = subtree ? (p.endsWith("/") ? "**" : "/**") : "";
        return new PathPattern(Glob.compile(p + suffix, '/', false), null);
    }

    static String absolute(String pattern, Path baseDir) {
        if (pattern.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("path pattern '" + pattern + "' contains a NUL character");
        }
        return baseDir.resolve(pattern).normalize().toString();
    }

    /** The pattern with the segments before its first wildcard replaced by their real path. */
    static String resolvePrefix(String absolute) {
        String[] segments = absolute.split("/", -1);
        StringBuilder prefix = new StringBuilder();
        int i = 1; // segments[0] is the empty string before the leading '/'
        while (i < segments.length && !Glob.hasWildcard(segments[i])) {
            prefix.append('/').append(unescape(segments[i]));
            i++;
        }
        if (prefix.length() == 0) {
            return absolute;
        }
        String real = Glob.escape(RealPaths.resolve(Path.of(prefix.toString())).toString());
        StringBuilder out = new StringBuilder(real.equals("/") ? "" : real);
        for (; i < segments.length; i++) {
            out.append('/').append(segments[i]);
        }
        return out.length() == 0 ? "/" : out.toString();
    }

    private static String unescape(String segment) {
        return segment.indexOf('\\') < 0 ? segment : segment.replaceAll("\\\\(.)", "$1");
    }

    @Override
    public boolean matches(String target) {
        return written.matches(target) || (resolved != null && resolved.matches(target));
    }

    @Override
    public String toString() {
        return resolved == null ? written.toString() : written + " (real " + resolved + ")";
    }
}
