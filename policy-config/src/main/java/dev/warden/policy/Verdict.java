package dev.warden.policy;

import java.util.Arrays;
import java.util.Objects;

/**
 * The answer for one (action, target): immutable and shared. Verdicts are built when a policy is
 * compiled or on a decision-cache miss, interned per policy, and returned as the same instances
 * afterwards: the decision path never allocates one.
 *
 * <p><b>Reasons.</b> A rule's {@code reason} when it has one; otherwise {@code denied by policy}
 * (deny), {@code needs approval} (approve) or {@code allowed by policy} (allow). When no rule
 * decides, {@link #rule()} is {@code default} and the reason is {@code warden.default.reason} for a
 * denial, {@code allowed by default} for an allow, and for {@code jvm.exit} (which never falls to
 * the default) {@code jvm.exit is allowed unless a rule denies it}.
 *
 * <p><b>Monitoring.</b> In monitor mode (global, per family) a deny, or an approve, becomes
 * {@link Decision#ALLOW} with {@link #wouldDeny()}; {@link #rule()} and {@link #reason()} then stay
 * those of the denial and {@link #wouldDenyRule()} repeats them. A matching monitored deny rule
 * ({@code mode = monitor}) sets {@link #wouldDeny()} when the decision is allow, naming itself in
 * {@link #wouldDenyRule()} while {@link #rule()} names what allowed. {@code warden-self} is
 * {@link #enforcedAlways()} and never relaxed.
 */
public final class Verdict {

    /** The reason of an allow rule that gives none; the audit trail leaves it out rather than repeat it. */
    public static final String ALLOWED_BY_POLICY = "allowed by policy";


    static final String[] NO_RULES = new String[0];
    static final int[] NO_CONDITIONS = new int[0];

    private final Decision decision;
    private final String rule;
    private final String reason;
    private final boolean wouldDeny;
    private final String wouldDenyRule;
    private final String wouldDenyReason;
    private final String[] monitorRules;
    private final boolean builtin;
    private final boolean enforcedAlways;
    private final RateLimiter limiter;
    private final int maxTargets;
    private final long maxRows;
    private final int[] performs;
    private final boolean byCeiling;

    Verdict(Decision decision, String rule, String reason, String wouldDenyRule, String wouldDenyReason,
            String[] monitorRules, boolean builtin, boolean enforcedAlways, RateLimiter limiter, int maxTargets,
            long maxRows) {
        this(decision, rule, reason, wouldDenyRule, wouldDenyReason, monitorRules, builtin, enforcedAlways, limiter,
                maxTargets, maxRows, NO_CONDITIONS, false);
    }

    Verdict(Decision decision, String rule, String reason, String wouldDenyRule, String wouldDenyReason,
            String[] monitorRules, boolean builtin, boolean enforcedAlways, RateLimiter limiter, int maxTargets,
            long maxRows, int[] performs, boolean byCeiling) {
        this.decision = decision;
        this.rule = rule;
        this.reason = reason;
        this.wouldDeny = wouldDenyRule != null;
        this.wouldDenyRule = wouldDenyRule;
        this.wouldDenyReason = wouldDenyReason;
        this.monitorRules = monitorRules.length == 0 ? NO_RULES : monitorRules;
        this.builtin = builtin;
        this.enforcedAlways = enforcedAlways;
        this.limiter = limiter;
        this.maxTargets = maxTargets;
        this.maxRows = maxRows;
        this.performs = performs.length == 0 ? NO_CONDITIONS : performs;
        this.byCeiling = byCeiling;
    }

    /** This verdict for an (action, target) that meets the {@code after} conditions {@code conditions}. */
    Verdict performing(int[] conditions) {
        return new Verdict(decision, rule, reason, wouldDenyRule, wouldDenyReason, monitorRules, builtin,
                enforcedAlways, limiter, maxTargets, maxRows, conditions, byCeiling);
    }

    public Decision decision() { return decision; }

    /** Whether monitoring turned what would have been a denial into this allow. */
    public boolean wouldDeny() { return wouldDeny; }

    /** The deciding rule's name, or {@code default}, {@code jvm}, {@code warden-self}. */
    public String rule() { return rule; }

    /** Why; see the class comment for the reasons used when a rule gives none. */
    public String reason() { return reason; }

    /** The rule that would have denied, when {@link #wouldDeny()}; else {@code null}. */
    public String wouldDenyRule() { return wouldDenyRule; }

    /** Its reason, when {@link #wouldDeny()}; else {@code null}. */
    public String wouldDenyReason() { return wouldDenyReason; }

    /**
     * The matching rules that are recorded but did not decide: {@code effect = monitor} rules, and
     * monitored ({@code mode = monitor}) rules other than the one in {@link #wouldDenyRule()}. A
     * shared array, empty when none: read it, never change it.
     */
    public String[] monitorRules() { return monitorRules; }

    /** Decided by the built-in {@code jvm} rule: exempt from kill switch, session, breaker and trust. */
    public boolean builtin() { return builtin; }

    /** Decided by {@code warden-self}: never turned into an allow by monitor mode. */
    public boolean enforcedAlways() { return enforcedAlways; }

    /** The deciding allow or approve rule's limiter, to call after the decision; else {@code null}. */
    public RateLimiter limiter() { return limiter; }

    /** The deciding rule's {@code max-targets}, or 0. */
    public int maxTargets() { return maxTargets; }

    /** The deciding rule's {@code max-rows}, or 0. */
    public long maxRows() { return maxRows; }

    /**
     * The {@code after} conditions this (action, target) meets: when the call goes ahead, the
     * session remembers them ({@link PerformedActions#remember}). A shared array: never change it.
     */
    public int[] performs() { return performs; }

    /**
     * Whether the trust ceiling ({@code warden.agent.trust}) turned what the rules allow into this
     * denial (or would-deny), {@link #rule()} being {@code trust}. A {@code net.connect} that is part
     * of an allowed call is let through all the same (policy.md: read-only denies only the others).
     */
    public boolean byCeiling() { return byCeiling; }

    /** The stricter of two verdicts (deny, then approve, then would-deny, then allow); {@code a} on a tie. */
    public static Verdict strictest(Verdict a, Verdict b) {
        return rank(b) > rank(a) ? b : a;
    }

    private static int rank(Verdict v) {
        switch (v.decision) {
            case DENY: return 3;
            case APPROVE: return 2;
            default: return v.wouldDeny ? 1 : 0;
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Verdict)) {
            return false;
        }
        Verdict v = (Verdict) o;
        return decision == v.decision && rule.equals(v.rule) && reason.equals(v.reason)
                && Objects.equals(wouldDenyRule, v.wouldDenyRule) && Objects.equals(wouldDenyReason, v.wouldDenyReason)
                && Arrays.equals(monitorRules, v.monitorRules) && builtin == v.builtin
                && enforcedAlways == v.enforcedAlways && limiter == v.limiter && maxTargets == v.maxTargets
                && maxRows == v.maxRows && Arrays.equals(performs, v.performs) && byCeiling == v.byCeiling;
    }

    @Override
    public int hashCode() {
        return Objects.hash(decision, rule, reason, wouldDenyRule, Arrays.hashCode(monitorRules));
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(decision.name().toLowerCase(java.util.Locale.ROOT));
        s.append(" (rule ").append(rule).append("): ").append(reason);
        if (wouldDeny) {
            s.append(" [would-deny: rule ").append(wouldDenyRule).append(": ").append(wouldDenyReason).append(']');
        }
        if (monitorRules.length > 0) {
            s.append(" [monitored: ").append(String.join(", ", monitorRules)).append(']');
        }
        return s.toString();
    }
}
