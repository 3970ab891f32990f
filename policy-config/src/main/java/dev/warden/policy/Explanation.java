package dev.warden.policy;

import java.util.List;

/**
 * What {@code policy explain} prints: the decision for one (action, target, role) and, for every
 * rule that names the action or could, whether it matched and why not.
 */
public final class Explanation {

    /**
     * One rule's part in the decision.
     *
     * @param matched whether the rule applied
     * @param why what it contributed when it matched, or the first reason it did not
     */
    public record RuleCheck(String rule, boolean builtin, boolean matched, String why) {}

    private final Action action;
    private final String written;
    private final String real;
    private final String role;
    private final Verdict verdict;
    private final List<RuleCheck> checks;

    Explanation(Action action, String written, String real, String role, Verdict verdict, List<RuleCheck> checks) {
        this.action = action;
        this.written = written;
        this.real = real;
        this.role = role;
        this.verdict = verdict;
        this.checks = List.copyOf(checks);
    }

    public Action action() { return action; }

    /** The target as decided (for files: absolute and normalized, as written). */
    public String target() { return written; }

    /** For files, the path with symlinks resolved; otherwise the target. */
    public String realTarget() { return real; }

    /** The role the decision was made for, or {@code null}. */
    public String role() { return role; }

    public Verdict verdict() { return verdict; }

    /** Every rule, in evaluation order. */
    public List<RuleCheck> checks() { return checks; }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        s.append(action).append(' ').append(written);
        if (!real.equals(written)) {
            s.append(" (real path ").append(real).append(')');
        }
        s.append(role != null ? ", role " + role : ", no role").append('\n');
        s.append("decision: ").append(verdict.decision().name().toLowerCase(java.util.Locale.ROOT));
        if (verdict.wouldDeny()) {
            s.append(" (would-deny: rule ").append(verdict.wouldDenyRule()).append(", ")
                    .append(verdict.wouldDenyReason()).append(')');
        }
        s.append(" by ").append(verdict.rule().equals(VerdictFactory.DEFAULT) ? "the default" : "rule " + verdict.rule())
                .append(": ").append(verdict.reason()).append('\n');
        int width = 4;
        for (RuleCheck c : checks) {
            width = Math.max(width, c.rule().length() + (c.builtin() ? 10 : 0));
        }
        s.append("rules:\n");
        for (RuleCheck c : checks) {
            String name = c.builtin() ? c.rule() + " (built-in)" : c.rule();
            s.append("  ").append(c.matched() ? "MATCH " : "  -   ").append(name)
                    .append(" ".repeat(width - name.length() + 2)).append(c.why()).append('\n');
        }
        return s.toString();
    }
}
