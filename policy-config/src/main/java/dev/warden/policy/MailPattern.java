package dev.warden.policy;

/**
 * A mail recipient pattern {@code local@domain}, case-insensitive. The local part is a plain glob
 * ({@code *} matches any run, dots included: {@code *@example.com} matches {@code a.b@example.com});
 * the domain is a host glob with {@code .} segments, as in URLs ({@code *@*.example.com} matches
 * {@code x@eu.example.com}, not {@code x@a.eu.example.com}; {@code **} crosses dots).
 */
final class MailPattern implements TargetMatcher {

    private final Glob local;
    private final Glob domain;
    private final String source;

    private MailPattern(Glob local, Glob domain, String source) {
        this.local = local;
        this.domain = domain;
        this.source = source;
    }

    static TargetMatcher compile(String pattern) {
        int at = pattern.lastIndexOf('@');
        if (at <= 0 || at == pattern.length() - 1 || pattern.indexOf(' ') >= 0) {
            throw new IllegalArgumentException("mail pattern '" + pattern + "' is not local@domain, e.g. *@example.com");
        }
        return new MailPattern(Glob.compile(pattern.substring(0, at), '\0', true),
                Glob.compile(pattern.substring(at + 1), '.', true), pattern);
    }

    @Override
    public boolean matches(String target) {
        int at = target.lastIndexOf('@');
        return at >= 0 && local.matches(target, 0, at) && domain.matches(target, at + 1, target.length());
    }

    @Override
    public String toString() {
        return source;
    }
}
