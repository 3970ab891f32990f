package dev.warden.policy;

import java.util.List;

/**
 * A rule's {@code after = <action>:<target pattern>}: the rule applies only once the same session
 * has performed a matching, allowed action (a workflow rule). {@link #key} names the condition
 * across reloads, so what a session has done stays known while the condition is unchanged.
 */
record AfterCondition(String source, String key, List<Action> actions, TargetMatcher target) {

    /** @throws IllegalArgumentException saying what is wrong */
    static AfterCondition parse(String text, java.nio.file.Path baseDir) {
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1 || text.substring(colon + 1).isBlank()) {
            throw new IllegalArgumentException("bad after '" + text
                    + "' (write <action>:<target pattern>, e.g. file.read:/srv/kb/**)");
        }
        String actionText = text.substring(0, colon).trim();
        String pattern = text.substring(colon + 1).trim();
        if (actionText.contains(",") || pattern.contains(",")) {
            throw new IllegalArgumentException("after '" + text + "' names one action and one target pattern;"
                    + " a list is not supported (split the rule)");
        }
        List<Action> actions = ActionPatterns.expand(actionText);
        TargetSyntax syntax = actions.get(0).syntax();
        for (Action a : actions) {
            if (a.syntax() != syntax) {
                throw new IllegalArgumentException("after '" + text + "' names actions whose targets differ ("
                        + actions.get(0) + " takes " + syntax.description + ", " + a + " " + a.syntax().description + ")");
            }
        }
        return new AfterCondition(text, actionText + ":" + pattern, List.copyOf(actions), syntax.compile(pattern, baseDir));
    }

    /** Whether {@code action} on {@code target} (a file's real path) is what the condition waits for. */
    boolean matches(Action action, String target) {
        return actions.contains(action) && this.target.matches(target);
    }
}
