package dev.warden.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * Action patterns in {@code actions} and {@code after}: an action name, or a name with {@code *}
 * as a wildcard within it ({@code http.*}, {@code sql.*}, {@code file.*}, {@code *}). Matching is
 * case-insensitive ({@code sql.select} is {@code sql.SELECT}); no two actions differ only in case.
 */
final class ActionPatterns {

    private ActionPatterns() {}

    /**
     * The actions {@code pattern} names, in {@link Action#id()} order.
     *
     * @throws IllegalArgumentException when it names none, with the nearest action name if one is close
     */
    static List<Action> expand(String pattern) {
        Glob glob = Glob.compile(pattern, '\0', true);
        List<Action> out = new ArrayList<>();
        for (Action a : Action.all()) {
            if (glob.matches(a.name())) {
                out.add(a);
            }
        }
        if (out.isEmpty()) {
            List<String> names = new ArrayList<>();
            Action.all().forEach(a -> names.add(a.name()));
            throw new IllegalArgumentException("'" + pattern + "' matches no action"
                    + Suggestions.didYouMean(pattern, names));
        }
        return out;
    }
}
