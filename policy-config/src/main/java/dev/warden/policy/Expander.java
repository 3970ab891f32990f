package dev.warden.policy;

/**
 * Replaces {@code ${name}} in a value with the system property or environment variable of that
 * name. An undefined name is an error, never an empty string: {@code ${HOME}/**} must not quietly
 * become {@code /**}.
 */
final class Expander {

    private final Overrides names;

    Expander(Overrides names) {
        this.names = names;
    }

    /**
     * The value with every {@code ${name}} replaced; a {@code $} not followed by {@code {} stays.
     *
     * @throws IllegalArgumentException naming the undefined or malformed reference
     */
    String expand(String value) {
        int at = value.indexOf("${");
        if (at < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length() + 32);
        int from = 0;
        while (at >= 0) {
            int end = value.indexOf('}', at + 2);
            if (end < 0) {
                throw new IllegalArgumentException("'${' without a closing '}' in '" + value + "'");
            }
            String name = value.substring(at + 2, end).trim();
            if (name.isEmpty()) {
                throw new IllegalArgumentException("empty ${} in '" + value + "'");
            }
            String replacement = names.lookup(name);
            if (replacement == null) {
                throw new IllegalArgumentException("${" + name + "} is undefined (neither a system property"
                        + " nor an environment variable of that name)");
            }
            out.append(value, from, at).append(replacement);
            from = end + 1;
            at = value.indexOf("${", from);
        }
        return out.append(value, from, value.length()).toString();
    }
}
