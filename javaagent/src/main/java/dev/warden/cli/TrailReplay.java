package dev.warden.cli;

import dev.warden.agent.audit.AuditRecord;
import dev.warden.policy.Action;
import dev.warden.policy.Decision;
import dev.warden.policy.PerformedActions;
import dev.warden.policy.Policy;
import dev.warden.policy.Verdict;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code policy replay}: re-decides each recorded (action, target) under a new policy, as the agent
 * that made it (its role from the record), and reports the decisions that change — what shadow mode
 * would tell in production. Records are replayed in trail order, each session with its own memory
 * of what it did, so {@code after} rules apply as they would have.
 *
 * <p>What the policy alone cannot reproduce is not replayed: decisions made at run time (a rate
 * limit, {@code max-targets}, a row limit, the kill switch, an expired session, the breaker, an
 * internal error) and Warden's own records ({@code policy.reload}). A file is re-decided on the
 * path recorded (its real path) and, when the record says so, as written — resolved again on the
 * machine that replays.
 */
final class TrailReplay {

    /** Rules that name a run-time mechanism, not a policy rule. */
    private static final Set<String> RUNTIME_RULES = Set.of("kill-switch", "session", "circuit-breaker", "error");

    private final Policy policy;
    private final Map<String, PerformedActions> sessions = new HashMap<>();
    int replayed;
    int changed;
    int skipped;

    TrailReplay(Policy policy) {
        this.policy = policy;
    }

    /** Replays one record; returns the lines of its changed decisions (empty when none changed). */
    String replay(AuditRecord r) {
        Action action = r.action == null ? null : Action.parse(r.action);
        if (action == null || r.targetCount == 0 || r.decision == null || !replayable(r)) {
            skipped++;
            return "";
        }
        PerformedActions session = sessions.computeIfAbsent(String.valueOf(r.session), s -> new PerformedActions());
        StringBuilder out = new StringBuilder();
        Verdict[] verdicts = new Verdict[r.targetCount];
        boolean callGoesAhead = true;
        for (int i = 0; i < r.targetCount; i++) {
            String target = r.targets[i];
            String written = action.family().equals("file") ? written(r, target) : target;
            Verdict v = policy.decideAs(action, written, target, r.role, session);
            verdicts[i] = v;
            String before = recorded(r, target);
            String after = name(v);
            replayed++;
            callGoesAhead &= v.decision() == Decision.ALLOW;
            if (!before.equals(after)) {
                changed++;
                out.append(java.time.Instant.ofEpochSecond(0, r.timeEpochNanos).truncatedTo(java.time.temporal.ChronoUnit.MILLIS)).append("  ").append(r.action).append(' ').append(target)
                        .append("  ").append(before).append(" (").append(r.rule).append(") -> ").append(after)
                        .append(" (").append(ruleOf(v)).append(")  \"").append(reasonOf(v)).append("\"  seq=")
                        .append(r.seq).append('\n');
            }
        }
        if (callGoesAhead) {
            for (Verdict v : verdicts) {
                if (v.performs().length > 0) {
                    session.remember(v.performs());
                }
            }
        }
        return out.toString();
    }

    private static boolean replayable(AuditRecord r) {
        if (!r.decision.equals("allow") && !r.decision.equals("deny") && !r.decision.equals("would-deny")) {
            return false;
        }
        if (r.rule != null && RUNTIME_RULES.contains(r.rule)) {
            return false;
        }
        String reason = r.reason == null ? "" : r.reason;
        return !reason.equals("rate limit") && !reason.equals("row limit") && !reason.startsWith("more than ");
    }

    /** The decision the record gives {@code target}: one of several targets not among the denied was allowed. */
    private static String recorded(AuditRecord r, String target) {
        if (r.targetCount == 1) {
            return r.decision;
        }
        for (int i = 0; i < r.deniedCount; i++) {
            if (r.denied[i].equals(target)) {
                return r.decision;
            }
        }
        return "allow";
    }

    private static String written(AuditRecord r, String real) {
        String detail = r.detail.toString();
        String prefix = "as written: ";
        if (!detail.startsWith(prefix)) {
            return real;
        }
        return Path.of(detail.substring(prefix.length())).toAbsolutePath().normalize().toString();
    }

    private static String name(Verdict v) {
        switch (v.decision()) {
            case DENY: return "deny";
            case APPROVE: return "approve";
            default: return v.wouldDeny() ? "would-deny" : "allow";
        }
    }

    private static String ruleOf(Verdict v) {
        return v.wouldDeny() ? v.wouldDenyRule() : v.rule();
    }

    private static String reasonOf(Verdict v) {
        return v.wouldDeny() ? v.wouldDenyReason() : v.reason();
    }
}
