package dev.warden.policy;

/**
 * A parsed {@code warden.rule.<name>.<field>} key. The name is letters, digits, {@code -} and
 * {@code _}, so the field is whatever follows the last dot.
 */
record RuleKey(String name, String field) {

    static final String PREFIX = "warden.rule.";

    static boolean isRuleKey(String key) {
        return key.startsWith(PREFIX);
    }

    /**
     * @throws IllegalArgumentException for a missing field, a bad name or an unknown field
     */
    static RuleKey parse(String key) {
        String rest = key.substring(PREFIX.length());
        int dot = rest.lastIndexOf('.');
        if (dot < 0) {
            throw new IllegalArgumentException("'" + key + "' names no field: write warden.rule.<name>.<field>");
        }
        String name = rest.substring(0, dot);
        String field = rest.substring(dot + 1);
        if (name.isEmpty() || !name.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_'))) {
            throw new IllegalArgumentException("bad rule name '" + name + "' in '" + key
                    + "': a rule name is letters, digits, '-' and '_'");
        }
        if (RuleCompiler.RESERVED.contains(name)) {
            throw new IllegalArgumentException("rule name '" + name + "' is reserved for Warden's own decisions; choose another");
        }
        if (RuleField.of(field) == null) {
            throw new IllegalArgumentException("unknown rule field '" + field + "' in '" + key + "'"
                    + Suggestions.didYouMean(field, RuleField.names()) + "; fields are " + String.join(", ", RuleField.names()));
        }
        return new RuleKey(name, field);
    }
}
