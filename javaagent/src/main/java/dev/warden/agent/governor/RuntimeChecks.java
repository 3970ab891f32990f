package dev.warden.agent.governor;

import dev.warden.policy.Policy;
import dev.warden.policy.RateLimiter;
import dev.warden.policy.Verdict;

/**
 * Step 5 and 6 of policy.md's "How a decision is made": what can turn a cached allow into a deny
 * at the moment of the call (the kill switch, a rate limit, a trail that can no longer be
 * written), and monitor mode turning a deny into a recorded {@code would-deny}. Decisions of the
 * built-in {@code jvm} rule are exempt, so class loading never breaks.
 */
final class RuntimeChecks {

    private RuntimeChecks() {}

    static void apply(CallFrame f, int i, Verdict v, KillSwitch killSwitch, Recorder recorder, Policy policy, long now) {
        apply(f, i, v, killSwitch, recorder, policy, now, true);
    }

    /**
     * Decides the entries {@code from..count} of a call with several targets (the tables of a
     * statement, the recipients of a message), whose verdicts are set: step 4's {@code max-targets}
     * for each action's run of targets, then each distinct rate limit once for the whole call — a
     * mail to five recipients is one call — and only when nothing refused the call already.
     */
    static void applyCall(CallFrame f, int from, KillSwitch killSwitch, Recorder recorder, Policy policy, long now) {
        for (int i = from; i < f.count; i++) {
            if (f.verdicts[i] == null) {
                return; // no policy: the caller recorded an error decision for every entry
            }
            apply(f, i, f.verdicts[i], killSwitch, recorder, policy, now, false);
        }
        boolean refused = false;
        for (int g = from; g < f.count; g = Recorder.groupEnd(f, g)) {
            int end = Recorder.groupEnd(f, g);
            for (int i = g; i < end; i++) {
                int max = f.verdicts[i].maxTargets();
                if (max > 0 && end - g > max && f.decisions[i] == Outcome.ALLOW) {
                    f.decisions[i] = monitored(policy, f, i) ? Outcome.WOULD_DENY : Outcome.DENY;
                    f.reasons[i] = "more than " + max + " targets (" + (end - g) + ")";
                }
                refused |= f.decisions[i] == Outcome.DENY;
            }
        }
        if (refused) {
            return;
        }
        for (int i = from; i < f.count; i++) {
            RateLimiter limiter = f.verdicts[i].limiter();
            if (f.decisions[i] != Outcome.ALLOW || limiter == null || limitedEarlier(f, from, i, limiter)) {
                continue;
            }
            if (!acquire(limiter, now)) {
                for (int j = i; j < f.count; j++) {
                    if (f.verdicts[j].limiter() == limiter && f.decisions[j] == Outcome.ALLOW) {
                        f.decisions[j] = monitored(policy, f, j) ? Outcome.WOULD_DENY : Outcome.DENY;
                        f.reasons[j] = "rate limit";
                    }
                }
            }
        }
    }

    private static boolean limitedEarlier(CallFrame f, int from, int i, RateLimiter limiter) {
        for (int j = from; j < i; j++) {
            if (f.verdicts[j].limiter() == limiter) {
                return true;
            }
        }
        return false;
    }

    private static boolean monitored(Policy policy, CallFrame f, int i) {
        return policy.settings().mode(f.actions[i].family()) == dev.warden.policy.Mode.MONITOR;
    }

    private static void apply(CallFrame f, int i, Verdict v, KillSwitch killSwitch, Recorder recorder, Policy policy,
            long now, boolean limit) {
        int code;
        String rule;
        String reason;
        switch (v.decision()) {
            case DENY:
                code = Outcome.DENY;
                rule = v.rule();
                reason = v.reason();
                break;
            case APPROVE:
                // Human approval arrives with the runtime controls; until then it cannot be granted.
                code = Outcome.DENY;
                rule = v.rule();
                reason = "needs approval, which this version cannot ask for";
                break;
            default:
                code = v.wouldDeny() ? Outcome.WOULD_DENY : Outcome.ALLOW;
                rule = v.wouldDeny() ? v.wouldDenyRule() : v.rule();
                reason = v.wouldDeny() ? v.wouldDenyReason() : v.reason();
        }
        // A rule may deny jvm.exit; the kill switch and a broken trail never keep a process from
        // stopping, which is what both of them are there for.
        if (code != Outcome.DENY && !v.builtin() && f.actions[i] != dev.warden.policy.Action.JVM_EXIT) {
            if (killSwitch.engaged()) {
                code = Outcome.DENY;
                rule = "kill-switch";
                reason = "kill switch";
            } else if (recorder.broken() && recorder.failClosed()) {
                code = Outcome.DENY;
                rule = "error";
                reason = "the audit trail cannot be written";
            } else if (limit && code == Outcome.ALLOW && v.limiter() != null && !acquire(v.limiter(), now)) {
                code = monitored(policy, f, i) ? Outcome.WOULD_DENY : Outcome.DENY;
                reason = "rate limit";
            }
        }
        f.decisions[i] = code;
        f.rules[i] = rule;
        f.reasons[i] = reason;
    }

    private static boolean acquire(RateLimiter limiter, long now) {
        return limiter.tryAcquire(now);
    }
}
