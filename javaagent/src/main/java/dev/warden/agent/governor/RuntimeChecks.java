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
        if (code != Outcome.DENY && !v.builtin()) {
            if (killSwitch.engaged()) {
                code = Outcome.DENY;
                rule = "kill-switch";
                reason = "kill switch";
            } else if (recorder.broken() && recorder.failClosed()) {
                code = Outcome.DENY;
                rule = "error";
                reason = "the audit trail cannot be written";
            } else if (code == Outcome.ALLOW && v.limiter() != null && !acquire(v.limiter(), now)) {
                boolean monitored = policy.settings().mode(f.actions[i].family()) == dev.warden.policy.Mode.MONITOR;
                code = monitored ? Outcome.WOULD_DENY : Outcome.DENY;
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
