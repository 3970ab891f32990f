package dev.warden.policy;

import java.util.List;

/**
 * The parts of a {@link Rule}, filled in by {@link RuleCompiler} or {@link BuiltinRules} and then
 * frozen into a rule (never changed after). {@code null} matchers mean every target.
 */
final class RuleParts {
    String name;
    int line;
    boolean builtin;
    Effect effect;
    String reason;
    Mode mode = Mode.ENFORCE;
    List<Action> actions = List.of();
    List<String> targetsText = List.of();
    List<String> exceptText = List.of();
    TargetMatcher[] targets;
    TargetMatcher[] except;
    /** Extra matchers tried on the path as written, for an allow rule ({@code jvm}'s {@code java.home}). */
    TargetMatcher[] writtenTargets;
    List<String> roles = List.of();
    Hours hours;
    RateLimiter limiter;
    int maxTargets;
    long maxRows;
    AfterCondition after;
    /** The number of {@link #after} in a session's {@link PerformedActions}; -1 without after. */
    int afterIndex = -1;
    /** Never relaxed by monitor mode ({@code warden-self}). */
    boolean enforcedAlways;

    RuleParts(String name, int line) {
        this.name = name;
        this.line = line;
    }
}
