package dev.warden.policy;

/** A {@code jvm.exit} pattern: one status code ({@code 0}, {@code -1}); {@code *} is any. */
final class ExitCodePattern implements TargetMatcher {

    private final String code;

    private ExitCodePattern(String code) {
        this.code = code;
    }

    static TargetMatcher compile(String pattern) {
        try {
            return new ExitCodePattern(Integer.toString(Integer.parseInt(pattern)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("jvm.exit pattern '" + pattern + "' is not a status code (or *)");
        }
    }

    @Override
    public boolean matches(String target) {
        return code.equals(target);
    }

    @Override
    public String toString() {
        return code;
    }
}
