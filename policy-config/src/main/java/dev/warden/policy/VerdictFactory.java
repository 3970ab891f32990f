package dev.warden.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns the rules that apply to one (action, target) into a {@link Verdict}, following policy.md's
 * "How a decision is made", and interns it so equal verdicts are one shared instance.
 */
final class VerdictFactory {

    static final String DEFAULT = "default";
    static final String EXIT_ALLOWED = "jvm.exit is allowed unless a rule denies it";

    private final Settings settings;
    private final TrustCeiling ceiling;
    private final ConcurrentHashMap<Verdict, Verdict> interned = new ConcurrentHashMap<>();

    VerdictFactory(Settings settings, TrustCeiling ceiling) {
        this.settings = settings;
        this.ceiling = ceiling;
    }

    /**
     * Builds, at compile time, the verdicts most calls get: each action's default and each rule's own,
     * so that later misses mostly find them interned already.
     */
    void prebuild(List<Rule> rules) {
        if (ceiling != TrustCeiling.FULL) {
            return; // the ceiling depends on the target: nothing to build ahead
        }
        for (Action a : Action.all()) {
            build(a, null, Verdict.NO_CONDITIONS, List.of());
        }
        for (Rule r : rules) {
            for (Action a : r.actions()) {
                build(a, null, Verdict.NO_CONDITIONS, List.of(r));
            }
        }
    }

    /**
     * {@code applying}: the rules whose actions, targets, except, roles, hours and after apply, in
     * policy order; {@code target}: what the trust ceiling judges (a file's real path);
     * {@code performs}: the after conditions the (action, target) meets.
     */
    Verdict build(Action action, String target, int[] performs, List<Rule> applying) {
        Rule deny = null;
        Rule approve = null;
        Rule allow = null;
        Rule monitoredDeny = null;
        List<String> observed = new ArrayList<>();
        // 2. deny beats approve beats allow; within an effect the first rule decides — built-ins first
        // for deny (warden-self), but a user's allow rule before the built-in jvm allow, so a read
        // the policy allows is attributed to (and recorded under) the policy's rule, not the JVM's.
        for (Rule r : applying) {
            if (r.observesOnly()) {
                observed.add(r.name());
                if (r.effect() == Effect.DENY && monitoredDeny == null) {
                    monitoredDeny = r;
                }
            } else if (r.effect() == Effect.DENY) {
                deny = deny == null ? r : deny;
            } else if (r.effect() == Effect.APPROVE) {
                approve = approve == null ? r : approve;
            } else if (allow == null || (allow.builtin() && !r.builtin())) {
                allow = r;
            }
        }
        Rule decider = deny != null ? deny : approve != null ? approve : allow;
        Verdict v = decider != null ? ofRule(decider) : byDefault(action);
        // 5. The trust ceiling turns an allow into a denial (the built-in jvm rule aside).
        String refused = v.decision() == Decision.ALLOW && !v.builtin() && target != null
                ? ceiling.refuses(action, target, decider) : null;
        if (refused != null) {
            v = new Verdict(Decision.DENY, TrustCeiling.RULE, refused, null, null, Verdict.NO_RULES, false, false,
                    null, 0, 0, Verdict.NO_CONDITIONS, true);
        }
        // 6. Monitor mode turns what would stop the call into an allow, recorded as would-deny.
        if (v.decision() != Decision.ALLOW && !v.enforcedAlways()
                && settings.mode(action.family()) == Mode.MONITOR) {
            v = new Verdict(Decision.ALLOW, v.rule(), v.reason(), v.rule(), v.reason(), names(observed),
                    false, false, null, 0, 0, Verdict.NO_CONDITIONS, v.byCeiling());
        } else if (v.decision() == Decision.ALLOW && monitoredDeny != null) {
            observed.remove(monitoredDeny.name());
            v = new Verdict(Decision.ALLOW, v.rule(), v.reason(), monitoredDeny.name(), reasonOf(monitoredDeny),
                    names(observed), v.builtin(), false, v.limiter(), v.maxTargets(), v.maxRows());
        } else if (!observed.isEmpty()) {
            v = new Verdict(v.decision(), v.rule(), v.reason(), null, null, names(observed), v.builtin(),
                    v.enforcedAlways(), v.limiter(), v.maxTargets(), v.maxRows(), Verdict.NO_CONDITIONS, v.byCeiling());
        }
        return intern(performs.length == 0 ? v : v.performing(performs));
    }

    private Verdict ofRule(Rule r) {
        Decision d = r.effect() == Effect.DENY ? Decision.DENY
                : r.effect() == Effect.APPROVE ? Decision.APPROVE : Decision.ALLOW;
        boolean jvm = r.builtin() && d == Decision.ALLOW;
        return new Verdict(d, r.name(), reasonOf(r), null, null, Verdict.NO_RULES, jvm, r.enforcedAlways(),
                r.limiter(), r.maxTargets(), r.maxRows());
    }

    /** 3. No rule decides: {@code warden.default}, {@code warden.net.default} for net.connect; jvm.exit is allowed. */
    private Verdict byDefault(Action action) {
        if (action == Action.JVM_EXIT) {
            return new Verdict(Decision.ALLOW, DEFAULT, EXIT_ALLOWED, null, null, Verdict.NO_RULES, false, false,
                    null, 0, 0);
        }
        boolean allow = action == Action.NET_CONNECT ? settings.netDefaultAllow() : settings.defaultAllow();
        return new Verdict(allow ? Decision.ALLOW : Decision.DENY, DEFAULT,
                allow ? "allowed by default" : settings.defaultReason(), null, null, Verdict.NO_RULES, false, false,
                null, 0, 0);
    }

    static String reasonOf(Rule r) {
        if (r.reason() != null) {
            return r.reason();
        }
        switch (r.effect()) {
            case DENY: return "denied by policy";
            case APPROVE: return "needs approval";
            case ALLOW: return Verdict.ALLOWED_BY_POLICY;
            default: return "monitored";
        }
    }

    private static String[] names(List<String> names) {
        return names.isEmpty() ? Verdict.NO_RULES : names.toArray(new String[0]);
    }

    private Verdict intern(Verdict v) {
        Verdict existing = interned.putIfAbsent(v, v);
        return existing != null ? existing : v;
    }
}
