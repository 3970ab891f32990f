package dev.warden.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the rules that match an (action, target) — step 1 of policy.md's "How a decision is
 * made", except {@code hours} and {@code after}, which {@link CachedDecision} checks per call. Each action has its own
 * precomputed rule table, so a miss scans only the rules that name the action.
 */
final class Evaluator {

    private final Rule[][] byAction;

    /** {@code rules}: built-ins first, then the file's rules in order of first appearance. */
    Evaluator(List<Rule> rules) {
        byAction = new Rule[Action.count()][];
        for (Action a : Action.all()) {
            List<Rule> naming = new ArrayList<>();
            for (Rule r : rules) {
                if (r.hasAction(a)) {
                    naming.add(r);
                }
            }
            byAction[a.id()] = naming.toArray(new Rule[0]);
        }
    }

    /** The rules whose actions, targets, except and roles apply ({@code hours} and {@code after} are per call). */
    List<Rule> matching(Action action, String written, String real, String role) {
        List<Rule> out = new ArrayList<>();
        for (Rule r : byAction[action.id()]) {
            if (r.whyNotApplicable(role) == null && r.matchesTarget(written, real)) {
                out.add(r);
            }
        }
        return out;
    }

    /** Of {@code matching}, those whose hours (if any) are open at {@code nowMillis} and whose after {@code performed} meets. */
    static List<Rule> applying(List<Rule> matching, long nowMillis, PerformedActions performed) {
        List<Rule> out = new ArrayList<>(matching.size());
        for (Rule r : matching) {
            if (r.openFor(nowMillis, performed)) {
                out.add(r);
            }
        }
        return out;
    }
}
