package dev.warden.policy;

import java.util.List;

/**
 * A rule's {@code after = <action>:<target pattern>}: the rule applies only once the session has
 * performed a matching, allowed action. Parsed and validated here; not yet enforced (see
 * {@link Policy#notInForce()}), so until it is, a deny rule with {@code after} applies as if its
 * condition held and an allow or approve rule with {@code after} never applies.
 */
record AfterCondition(String source, List<Action> actions, TargetMatcher target) {

    /** @throws IllegalArgumentException saying what is wrong */
    static AfterCondition parse(String text, java.nio.file.Path baseDir) {
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("bad after '" + text
                    + "' (write <action>:<target pattern>, e.g. file.read:/srv/kb/**)");
        }
        List<Action> actions = ActionPatterns.expand(text.substring(0, colon).trim());
        TargetSyntax syntax = actions.get(0).syntax();
        for (Action a : actions) {
            if (a.syntax() != syntax) {
                throw new IllegalArgumentException("after '" + text + "' names actions whose targets differ ("
                        + actions.get(0) + " takes " + syntax.description + ", " + a + " " + a.syntax().description + ")");
            }
        }
        return new AfterCondition(text, List.copyOf(actions), syntax.compile(text.substring(colon + 1).trim(), baseDir));
    }
}
