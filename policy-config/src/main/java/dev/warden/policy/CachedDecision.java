package dev.warden.policy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * What the decision cache holds for one (action, target): the rules that match it, which is static,
 * and the verdicts they give. Rules with {@code hours} or {@code after} are checked on every call,
 * never baked in: the entry keeps one verdict per combination of its conditional rules applying or
 * not (a bitmask index, filled on first use), so a hit costs a few comparisons and allocates nothing.
 */
final class CachedDecision {

    /** Entries with more conditional rules than this build their verdict on every call instead. */
    private static final int MAX_CONDITIONAL = 8;

    private final Verdict fixed;
    private final Action action;
    private final String target;
    private final int[] performs;
    private final Rule[] matched;
    private final Rule[] conditional;
    private final Verdict[] byMask;
    private final VerdictFactory verdicts;

    private CachedDecision(Verdict fixed, Action action, String target, int[] performs, Rule[] matched,
            Rule[] conditional, VerdictFactory verdicts) {
        this.fixed = fixed;
        this.action = action;
        this.target = target;
        this.performs = performs;
        this.matched = matched;
        this.conditional = conditional;
        this.byMask = conditional.length > 0 && conditional.length <= MAX_CONDITIONAL ? new Verdict[1 << conditional.length] : null;
        this.verdicts = verdicts;
    }

    /**
     * {@code target}: the real path for files (what the trust ceiling judges); {@code performs}: the
     * {@code after} conditions this (action, target) meets, once allowed.
     */
    static CachedDecision of(Action action, String target, int[] performs, List<Rule> matched, VerdictFactory verdicts) {
        List<Rule> conditional = new ArrayList<>();
        for (Rule r : matched) {
            if (r.conditional()) {
                conditional.add(r);
            }
        }
        Verdict fixed = conditional.isEmpty() ? verdicts.build(action, target, performs, matched) : null;
        return new CachedDecision(fixed, action, target, performs, matched.toArray(new Rule[0]),
                conditional.toArray(new Rule[0]), verdicts);
    }

    Verdict verdict(Clock clock, PerformedActions performed) {
        if (fixed != null) {
            return fixed;
        }
        long now = clock.millis();
        int mask = 0;
        for (int i = 0; i < conditional.length; i++) {
            if (conditional[i].openFor(now, performed)) {
                mask |= 1 << i;
            }
        }
        if (byMask == null) {
            return build(mask);
        }
        Verdict v = byMask[mask];
        if (v == null) {
            // A benign race: two threads may both build; verdicts are immutable and interned.
            v = build(mask);
            byMask[mask] = v;
        }
        return v;
    }

    /** The verdict when exactly the conditional rules in {@code mask} apply. */
    private Verdict build(int mask) {
        List<Rule> applying = new ArrayList<>(matched.length);
        for (Rule r : matched) {
            int bit = indexOfConditional(r);
            if (bit < 0 || (mask & (1 << bit)) != 0) {
                applying.add(r);
            }
        }
        return verdicts.build(action, target, performs, applying);
    }

    private int indexOfConditional(Rule r) {
        for (int i = 0; i < conditional.length; i++) {
            if (conditional[i] == r) {
                return i;
            }
        }
        return -1;
    }
}
