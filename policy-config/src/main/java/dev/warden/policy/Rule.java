package dev.warden.policy;

import java.util.List;

/**
 * One compiled rule, {@code warden.rule.<name>.*}, or a built-in rule ({@code jvm},
 * {@code warden-self}). Immutable. Its matchers run only on a decision-cache miss.
 *
 * <p>Which path a file rule is matched against follows policy.md: a {@code deny} (or
 * {@code monitor}) rule matches if it matches either the path as written or the real path; an
 * {@code allow} or {@code approve} rule must match the real path, and is excluded when its
 * {@code except} matches either. {@code hours} and {@code after} change with time and with what
 * the session did, so they are checked per call ({@link #openFor}), never cached.
 */
public final class Rule {

    private final RuleParts p;
    private final boolean[] actionSet = new boolean[Action.count()];

    Rule(RuleParts parts) {
        this.p = parts;
        for (Action a : parts.actions) {
            actionSet[a.id()] = true;
        }
    }

    /** The rule's name: its id in errors and audit records. */
    public String name() { return p.name; }

    /** The line of the rule's first key, or 0 for a built-in rule. */
    public int line() { return p.line; }

    public Effect effect() { return p.effect; }

    /** {@code reason} as written, or {@code null}. */
    public String reason() { return p.reason; }

    /** {@code mode}: {@link Mode#MONITOR} means the rule is recorded but never decides. */
    public Mode mode() { return p.mode; }

    /** The actions the rule names, wildcards expanded. */
    public List<Action> actions() { return p.actions; }

    /** {@code targets} as written ({@code ${…}} expanded); empty means every target. */
    public List<String> targets() { return p.targetsText; }

    /** {@code except} as written; empty when none. */
    public List<String> except() { return p.exceptText; }

    /** {@code roles}; empty when the rule applies to every role. */
    public List<String> roles() { return p.roles; }

    /** {@code hours} as written, or {@code null}. */
    public String hours() { return p.hours == null ? null : p.hours.toString(); }

    /** {@code limit}, or {@code null}. */
    public Limit limit() { return p.limiter == null ? null : p.limiter.limit(); }

    /** The rule's one limiter, shared by every decision it makes; {@code null} without a limit. */
    public RateLimiter limiter() { return p.limiter; }

    /** {@code max-targets}, or 0 for none. */
    public int maxTargets() { return p.maxTargets; }

    /** {@code max-rows}, or 0 for none. */
    public long maxRows() { return p.maxRows; }

    /** {@code after} as written, or {@code null}. */
    public String after() { return p.after == null ? null : p.after.source(); }

    /** The compiled {@code after}, or {@code null}. */
    AfterCondition afterCondition() { return p.after; }

    /** Its number in a session's {@link PerformedActions}; -1 without after. */
    int afterIndex() { return p.afterIndex; }

    /** Whether {@code hours} or {@code after} decide, per call, if the rule applies. */
    boolean conditional() {
        return p.hours != null || p.after != null;
    }

    /** Whether the rule's hours are open at {@code nowMillis} and its after condition met by {@code performed}. */
    boolean openFor(long nowMillis, PerformedActions performed) {
        return (p.hours == null || p.hours.isOpen(nowMillis)) && (p.after == null || performed.performed(p.afterIndex));
    }

    /** Whether this is a built-in rule ({@code jvm} or {@code warden-self}). */
    public boolean builtin() { return p.builtin; }

    boolean hasAction(Action a) {
        return actionSet[a.id()];
    }

    /** Whether the rule is recorded only: {@code effect = monitor} or {@code mode = monitor}. */
    boolean observesOnly() {
        return p.effect == Effect.MONITOR || p.mode == Mode.MONITOR;
    }

    Hours hoursWindows() { return p.hours; }

    boolean enforcedAlways() { return p.enforcedAlways; }

    /** Roles: what decides applicability besides targets, time and what the session did. */
    String whyNotApplicable(String role) {
        if (!p.roles.isEmpty() && (role == null || !p.roles.contains(role))) {
            return role == null ? "no agent role; the rule is for " + p.roles : "role " + role + " is not in " + p.roles;
        }
        return null;
    }

    /** Whether the rule matches a target; for files {@code written} and {@code real} may differ. */
    boolean matchesTarget(String written, String real) {
        boolean same = written == real || written.equals(real);
        if (p.effect == Effect.DENY || p.effect == Effect.MONITOR) {
            return appliesTo(real) || (!same && appliesTo(written));
        }
        boolean byReal = any(p.targets, real) && !anyExcept(real) && (same || !anyExcept(written));
        return byReal || (p.writtenTargets != null && any(p.writtenTargets, written));
    }

    private boolean appliesTo(String target) {
        return any(p.targets, target) && !anyExcept(target);
    }

    /** {@code null} matchers mean every target. */
    static boolean any(TargetMatcher[] matchers, String target) {
        if (matchers == null) {
            return true;
        }
        for (TargetMatcher m : matchers) {
            if (m.matches(target)) {
                return true;
            }
        }
        return false;
    }

    boolean anyExcept(String target) {
        return p.except != null && any(p.except, target);
    }

    boolean anyTarget(String target) {
        return any(p.targets, target) || (p.writtenTargets != null && any(p.writtenTargets, target));
    }

    @Override
    public String toString() {
        return p.name;
    }
}
