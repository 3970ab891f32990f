package dev.warden.agent.governor;

import dev.warden.policy.Policy;
import dev.warden.policy.RateLimiter;
import dev.warden.policy.Verdict;

/**
 * Step 5 and 6 of policy.md's "How a decision is made": what can turn a cached allow into a deny
 * at the moment of the call (the kill switch, an expired or revoked session, a rate limit, a trail
 * that can no longer be written), and monitor mode turning a deny into a recorded
 * {@code would-deny}. Decisions of the built-in {@code jvm} rule are exempt, so class loading never
 * breaks. An {@code approve} verdict that survives them all (so a deny rule, the kill switch or a
 * dead session refuse without asking anyone) then waits for a person ({@link Approvals}), and the
 * kill switch and the session are checked again once the answer came.
 */
final class RuntimeChecks {

    private RuntimeChecks() {}

    static void apply(CallFrame f, int i, Verdict v, Controls controls, Recorder recorder, Policy policy, long now) {
        apply(f, i, v, controls, recorder, policy, now, true);
        if (f.approvalStates[i] == Approvals.ASKING) {
            controls.approvals.ask(f, i, i + 1, recorder);
            recheckApproved(f, i, i + 1, controls);
        }
        count(recorder, f, i);
    }

    private static void count(Recorder recorder, CallFrame f, int i) {
        if (recorder.metrics() != null) {
            recorder.metrics().decided(f.actions[i].family(), f.decisions[i], f.rules[i]);
        }
    }

    private static void countAll(Recorder recorder, CallFrame f, int from) {
        for (int i = from; i < f.count; i++) {
            count(recorder, f, i);
        }
    }

    /**
     * Decides the entries {@code from..count} of a call with several targets (the tables of a
     * statement, the recipients of a message), whose verdicts are set: step 4's {@code max-targets}
     * for each action's run of targets, then each distinct rate limit once for the whole call — a
     * mail to five recipients is one call — and only when nothing refused the call already.
     */
    static void applyCall(CallFrame f, int from, Controls controls, Recorder recorder, Policy policy, long now) {
        for (int i = from; i < f.count; i++) {
            if (f.verdicts[i] == null) {
                return; // no policy: the caller recorded an error decision for every entry
            }
            apply(f, i, f.verdicts[i], controls, recorder, policy, now, false);
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
            countAll(recorder, f, from);
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
        askOnce(f, from, controls, recorder);
        countAll(recorder, f, from);
    }

    /** A call with several targets asks one person once, for all its targets that need it, if nothing refused it. */
    private static void askOnce(CallFrame f, int from, Controls controls, Recorder recorder) {
        boolean asking = false;
        for (int i = from; i < f.count; i++) {
            if (f.decisions[i] == Outcome.DENY) {
                return;
            }
            asking |= f.approvalStates[i] == Approvals.ASKING;
        }
        if (asking) {
            controls.approvals.ask(f, from, f.count, recorder);
            recheckApproved(f, from, f.count, controls);
        }
    }

    /** While a person decided, the agent may have been suspended or its session revoked or expired. */
    private static void recheckApproved(CallFrame f, int from, int to, Controls controls) {
        long now = System.nanoTime();
        for (int i = from; i < to; i++) {
            if (f.approvalStates[i] != Approvals.APPROVED) {
                continue;
            }
            String session = controls.sessions.refusal(f.session, now);
            if (controls.killSwitch.engaged()) {
                f.decisions[i] = Outcome.DENY;
                f.rules[i] = "kill-switch";
                f.reasons[i] = "kill switch";
            } else if (session != null) {
                f.decisions[i] = Outcome.DENY;
                f.rules[i] = "session";
                f.reasons[i] = session;
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

    private static void apply(CallFrame f, int i, Verdict v, Controls controls, Recorder recorder, Policy policy,
            long now, boolean limit) {
        int code;
        String rule;
        String reason;
        boolean approve = false;
        switch (v.decision()) {
            case DENY:
                code = Outcome.DENY;
                rule = v.rule();
                reason = v.reason();
                break;
            case APPROVE:
                // Allowed so far: it is asked for once nothing below refuses it.
                code = Outcome.ALLOW;
                rule = v.rule();
                reason = v.reason();
                approve = true;
                break;
            default:
                code = v.wouldDeny() ? Outcome.WOULD_DENY : Outcome.ALLOW;
                rule = v.wouldDeny() ? v.wouldDenyRule() : v.rule();
                reason = v.wouldDeny() ? v.wouldDenyReason() : v.reason();
        }
        String session;
        // A rule may deny jvm.exit; the kill switch, the breaker and a broken trail never keep a
        // process from stopping, which is what they are there for.
        if (code != Outcome.DENY && !v.builtin() && f.actions[i] != dev.warden.policy.Action.JVM_EXIT) {
            if (controls.killSwitch.engaged()) {
                code = Outcome.DENY;
                rule = "kill-switch";
                reason = "kill switch";
            } else if (recorder.breaker() != null && recorder.breaker().open(now)) {
                code = monitored(policy, f, i) ? Outcome.WOULD_DENY : Outcome.DENY;
                rule = CircuitBreaker.RULE;
                reason = CircuitBreaker.OPEN;
            } else if ((session = controls.sessions.refusal(f.session, now)) != null) {
                code = monitored(policy, f, i) ? Outcome.WOULD_DENY : Outcome.DENY;
                rule = "session";
                reason = session;
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
        f.approvalStates[i] = approve && code == Outcome.ALLOW ? Approvals.ASKING : Approvals.NONE;
    }

    private static boolean acquire(RateLimiter limiter, long now) {
        return limiter.tryAcquire(now);
    }
}
