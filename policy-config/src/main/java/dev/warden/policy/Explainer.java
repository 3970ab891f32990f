package dev.warden.policy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Builds an {@link Explanation}: the same evaluation as a decision, rule by rule, with reasons. */
final class Explainer {

    private final Evaluator evaluator;
    private final VerdictFactory verdicts;
    private final List<Rule> rules;
    private final Settings settings;
    private final Clock clock;

    Explainer(Evaluator evaluator, VerdictFactory verdicts, List<Rule> rules, Settings settings, Clock clock) {
        this.evaluator = evaluator;
        this.verdicts = verdicts;
        this.rules = rules;
        this.settings = settings;
        this.clock = clock;
    }

    /** {@code performs}: the after conditions the target meets; explain assumes a session that has done nothing yet. */
    Explanation explain(Action action, String target, String role, int[] performs) {
        String who = role != null ? role : settings.agentRole();
        String written = target;
        String real = target;
        if (action.family().equals("file")) {
            Path abs = Path.of(target).toAbsolutePath().normalize();
            written = abs.toString();
            real = RealPaths.resolve(abs).toString();
        }
        long now = clock.millis();
        List<Explanation.RuleCheck> checks = new ArrayList<>();
        for (Rule r : rules) {
            String why = whyNot(r, action, written, real, who, now);
            boolean matched = why == null;
            checks.add(new Explanation.RuleCheck(r.name(), r.builtin(), matched, matched ? contribution(r) : why));
        }
        List<Rule> applying = Evaluator.applying(evaluator.matching(action, written, real, who), now, PerformedActions.NONE);
        return new Explanation(action, written, real, who, verdicts.build(action, real, performs, applying), checks);
    }

    private static String whyNot(Rule r, Action action, String written, String real, String role, long now) {
        if (!r.hasAction(action)) {
            return "action " + action + " is not in " + r.actions();
        }
        String notApplicable = r.whyNotApplicable(role);
        if (notApplicable != null) {
            return notApplicable;
        }
        if (!r.matchesTarget(written, real)) {
            if ((r.anyTarget(real) || r.anyTarget(written)) && (r.anyExcept(real) || r.anyExcept(written))) {
                return "excluded by except " + r.except();
            }
            boolean denyLike = r.effect() == Effect.DENY || r.effect() == Effect.MONITOR;
            return (written.equals(real) || denyLike ? "target" : "real path " + real)
                    + " does not match targets " + r.targets();
        }
        if (r.hoursWindows() != null && !r.hoursWindows().isOpen(now)) {
            return "outside hours " + r.hours();
        }
        if (r.after() != null) {
            return "applies only after " + r.after() + " in the same session (explain assumes a session that has done nothing yet)";
        }
        return null;
    }

    private static String contribution(Rule r) {
        String what = r.effect().policyValue();
        if (r.observesOnly()) {
            return what + ", recorded only (" + (r.effect() == Effect.MONITOR ? "effect" : "mode") + " = monitor)";
        }
        return what + ": " + VerdictFactory.reasonOf(r);
    }
}
