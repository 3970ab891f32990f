package dev.warden.policy;

/**
 * A SQL table pattern, case-insensitive, with {@code .} between schema and table: {@code public.*}
 * matches every table of schema {@code public}; a pattern without a schema ({@code customers},
 * {@code cust*}) matches that table in every schema.
 *
 * <p>The targets {@code -} (a statement with no table) and {@code *} (a statement the parser could
 * not understand) are literals: only the patterns {@code -} and {@code *} match them, and a lone
 * {@code *} matches every target.
 */
final class TablePattern implements TargetMatcher {

    private final Glob glob;
    private final boolean anySchema;

    private TablePattern(Glob glob, boolean anySchema) {
        this.glob = glob;
        this.anySchema = anySchema;
    }

    static TargetMatcher compile(String pattern) {
        if (pattern.equals("-")) {
            return new TargetMatcher() {
                @Override
                public boolean matches(String target) {
                    return target.equals("-");
                }

                @Override
                public String toString() {
                    return "-";
                }
            };
        }
        if (pattern.startsWith(".") || pattern.endsWith(".") || pattern.contains("..") || pattern.contains(" ")) {
            throw new IllegalArgumentException("table pattern '" + pattern + "' is not table, schema.table or a glob of them");
        }
        return new TablePattern(Glob.compile(pattern, '.', true), pattern.indexOf('.') < 0);
    }

    @Override
    public boolean matches(String target) {
        if (target.equals("-") || target.equals("*")) {
            return false;
        }
        int from = anySchema ? target.lastIndexOf('.') + 1 : 0;
        return glob.matches(target, from, target.length());
    }

    @Override
    public String toString() {
        return glob.toString();
    }
}
