package dev.warden.policy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * What the decision cache holds for one (action, target): the rules that match it, which is static,
 * and the verdicts they give. Rules with {@code hours} are checked on every call, never baked in:
 * the entry keeps one verdict per combination of its time-windowed rules being open or closed
 * (a bitmask index, filled on first use), so a hit costs a few comparisons and allocates nothing.
 */
final class CachedDecision {

    /** Entries with more time-windowed rules than this build their verdict on every call instead. */
    private static final int MAX_TIMED = 8;

    private final Verdict fixed;
    private final Action action;
    private final Rule[] matched;
    private final Rule[] timed;
    private final Verdict[] byMask;
    private final VerdictFactory verdicts;

    private CachedDecision(Verdict fixed, Action action, Rule[] matched, Rule[] timed, VerdictFactory verdicts) {
        this.fixed = fixed;
        this.action = action;
        this.matched = matched;
        this.timed = timed;
        this.byMask = timed.length > 0 && timed.length <= MAX_TIMED ? new Verdict[1 << timed.length] : null;
        this.verdicts = verdicts;
    }

    static CachedDecision of(Action action, List<Rule> matched, VerdictFactory verdicts) {
        List<Rule> timed = new ArrayList<>();
        for (Rule r : matched) {
            if (r.hoursWindows() != null) {
                timed.add(r);
            }
        }
        Verdict fixed = timed.isEmpty() ? verdicts.build(action, matched) : null;
        return new CachedDecision(fixed, action, matched.toArray(new Rule[0]), timed.toArray(new Rule[0]), verdicts);
    }

    Verdict verdict(Clock clock) {
        if (fixed != null) {
            return fixed;
        }
        long now = clock.millis();
        int mask = 0;
        for (int i = 0; i < timed.length; i++) {
            if (timed[i].hoursWindows().isOpen(now)) {
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

    /** The verdict when exactly the time-windowed rules in {@code mask} are open. */
    private Verdict build(int mask) {
        List<Rule> applying = new ArrayList<>(matched.length);
        for (Rule r : matched) {
            int bit = indexOfTimed(r);
            if (bit < 0 || (mask & (1 << bit)) != 0) {
                applying.add(r);
            }
        }
        return verdicts.build(action, applying);
    }

    private int indexOfTimed(Rule r) {
        for (int i = 0; i < timed.length; i++) {
            if (timed[i] == r) {
                return i;
            }
        }
        return -1;
    }
}
