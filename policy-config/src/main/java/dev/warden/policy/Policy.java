package dev.warden.policy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A compiled, immutable policy snapshot: what {@link PolicyLoader} returns and the agent swaps
 * atomically on reload.
 *
 * <p><b>Deciding.</b> {@link #decide} and {@link #decidePath} answer repeated (action, target)
 * pairs from a per-action cache: a hit is lock-free, allocates nothing and returns a shared
 * {@link Verdict}. The cache holds only what is static (which rules match); {@code hours} are
 * checked after the lookup on every call. What depends on the agent's state — {@code limit}
 * (through {@link Verdict#limiter()}), trust, sessions, breaker, kill switch — is the agent's,
 * after the decision. Targets must already be normalized as policy.md describes, and not null.
 *
 * <p><b>{@code net.connect} inside a decided call.</b> Deny rules apply to every connect; a connect
 * made inside an HTTP request, mail or JDBC connection that was already allowed needs no allow rule.
 * For such a connect the agent treats a verdict whose {@link Verdict#rule()} is {@code default} as
 * an allow; {@code warden.net.default} only decides connects outside such calls.
 */
public final class Policy {

    private final Settings settings;
    private final Path source;
    private final String version;
    private final List<Rule> rules;
    private final List<Entry> entries;
    private final List<String> notInForce;
    private final List<String> restartPending;
    private final Evaluator evaluator;
    private final VerdictFactory verdicts;
    private final DecisionCache cache = new DecisionCache();
    private final Clock clock;
    private final AfterIndices afterIndices;
    /** The distinct after conditions of the rules, each once, with its number. */
    private final AfterCondition[] conditions;
    private final int[] conditionIndex;

    Policy(Settings settings, Path source, List<Rule> rules, List<Entry> entries, List<String> notInForce,
            List<String> restartPending, Clock clock, TrustCeiling ceiling, AfterIndices afterIndices) {
        this.settings = settings;
        this.source = source;
        this.rules = List.copyOf(rules);
        this.entries = List.copyOf(entries);
        this.version = PolicyVersion.of(entries);
        this.notInForce = List.copyOf(notInForce);
        this.restartPending = List.copyOf(restartPending);
        this.evaluator = new Evaluator(rules);
        this.verdicts = new VerdictFactory(settings, ceiling);
        this.clock = clock;
        this.afterIndices = afterIndices;
        Map<Integer, AfterCondition> distinct = new java.util.TreeMap<>();
        for (Rule r : this.rules) {
            if (r.afterCondition() != null) {
                distinct.putIfAbsent(r.afterIndex(), r.afterCondition());
            }
        }
        this.conditions = distinct.values().toArray(new AfterCondition[0]);
        this.conditionIndex = distinct.keySet().stream().mapToInt(Integer::intValue).toArray();
        verdicts.prebuild(this.rules);
    }

    public Settings settings() { return settings; }

    /** The policy file, absolute and normalized. */
    public Path source() { return source; }

    /** The first 16 hex digits of the SHA-256 of the effective properties (overrides included), sorted by key. */
    public String version() { return version; }

    /** Every rule in evaluation order: the built-in ones ({@link Rule#builtin()}) first, then the file's. */
    public List<Rule> rules() { return rules; }

    /**
     * Decides {@code action} on a normalized target. For {@code file.*} this is
     * {@code decidePath(action, target, target)}.
     */
    public Verdict decide(Action action, String target) {
        return decide(action, target, PerformedActions.NONE);
    }

    /**
     * As {@link #decide(Action, String)} for a session that has done {@code performed}: rules with
     * {@code after} apply once their condition is met. When the call goes ahead, the caller hands
     * {@link Verdict#performs()} to {@link PerformedActions#remember}.
     */
    public Verdict decide(Action action, String target, PerformedActions performed) {
        CachedDecision d = cache.get(action, target);
        if (d == null) {
            d = CachedDecision.of(action, target, performs(action, target),
                    evaluator.matching(action, target, target, settings.agentRole()), verdicts);
            cache.put(action, target, d);
        }
        return d.verdict(clock, performed);
    }

    /**
     * Decides a {@code file.*} action: {@code written} is the path as written, made absolute and
     * normalized; {@code real} the path with every symlink resolved. A deny rule matches if it matches
     * either; an allow or approve rule must match {@code real}.
     */
    public Verdict decidePath(Action action, String written, String real) {
        return decidePath(action, written, real, PerformedActions.NONE);
    }

    /** {@link #decidePath(Action, String, String)} for a session that has done {@code performed}. */
    public Verdict decidePath(Action action, String written, String real, PerformedActions performed) {
        if (written.equals(real)) {
            return decide(action, real, performed);
        }
        CachedDecision d = cache.get(action, written, real);
        if (d == null) {
            d = CachedDecision.of(action, real, performs(action, real),
                    evaluator.matching(action, written, real, settings.agentRole()), verdicts);
            cache.put(action, written, real, d);
        }
        return d.verdict(clock, performed);
    }

    /**
     * The decision as an agent with {@code role} (the policy's when {@code null}) that has done
     * {@code performed} would get it now, never cached: for {@code policy replay}, which re-decides
     * recorded calls. For files {@code written} and {@code real} are as in {@link #decidePath}.
     */
    public Verdict decideAs(Action action, String written, String real, String role, PerformedActions performed) {
        String who = role != null ? role : settings.agentRole();
        List<Rule> applying = Evaluator.applying(evaluator.matching(action, written, real, who), clock.millis(), performed);
        return verdicts.build(action, real, performs(action, real), applying);
    }

    /** The numbers of the after conditions that {@code action} on {@code target} meets. */
    private int[] performs(Action action, String target) {
        int[] out = null;
        int n = 0;
        for (int i = 0; i < conditions.length; i++) {
            if (conditions[i].matches(action, target)) {
                if (out == null) {
                    out = new int[conditions.length];
                }
                out[n++] = conditionIndex[i];
            }
        }
        return out == null ? Verdict.NO_CONDITIONS : java.util.Arrays.copyOf(out, n);
    }

    /**
     * Step 4 of "How a decision is made": an action with several targets (the recipients of one
     * message) is decided per target and the strictest verdict wins ({@link Verdict#strictest}).
     * {@code max-targets} is not checked here: the agent checks it over the whole call, with the
     * rate limits (its {@code RuntimeChecks.applyCall}). Needs at least one target.
     */
    public Verdict decideAll(Action action, String... targets) {
        if (targets.length == 0) {
            throw new IllegalArgumentException("decideAll needs at least one target");
        }
        Verdict v = decide(action, targets[0]);
        for (int i = 1; i < targets.length; i++) {
            v = Verdict.strictest(v, decide(action, targets[i]));
        }
        return v;
    }

    /**
     * The decision for {@code target} under {@code role} (the policy's role when {@code null}), with
     * every rule and why it did or did not match; never cached. For {@code file.*} a relative target
     * is made absolute and its symlinks resolved, so it is decided as both written and real path.
     */
    public Explanation explain(Action action, String target, String role) {
        // An HTTP target is explained as Warden will see it: normalized as policy.md says.
        String decided = action.family().equals("http") ? normalizedUrlOrAsIs(target) : target;
        return new Explainer(evaluator, verdicts, rules, settings, clock).explain(action, decided, role, performs(action, decided));
    }

    private static String normalizedUrlOrAsIs(String target) {
        try {
            return UrlTargets.normalize(target);
        } catch (IllegalArgumentException e) {
            return target;
        }
    }

    /**
     * Warnings, one a line, for keys and fields the policy uses that this version parses but does
     * not yet enforce: {@code line 14: warden.rule.x.after is parsed but not yet enforced …}.
     */
    public List<String> notInForce() { return notInForce; }

    /**
     * For a policy a running agent reloaded: the keys that take effect only at a restart whose value
     * the file changed, as {@code warden.audit.dir = /new (in force: /old)}; their {@link #settings()}
     * keep the value in force. Empty for a policy loaded at start-up.
     */
    public List<String> restartPending() { return restartPending; }

    /** The effective properties: the file's in file order (overridden values in place), then other overrides. */
    public List<Map.Entry<String, String>> effectiveProperties() {
        return entries.stream().map(e -> Map.entry(e.key(), e.value())).toList();
    }

    /** Where a key's effective value came from: {@code file line 12}, {@code system property}, {@code environment WARDEN_MODE}; {@code null} if unset. */
    public String origin(String key) {
        for (Entry e : entries) {
            if (e.key().equals(key)) {
                return e.origin();
            }
        }
        return null;
    }

    /** The rules' limiters by rule name, so a reload can keep them (policy.md: kept across reloads). */
    Map<String, RateLimiter> limiters() {
        Map<String, RateLimiter> m = new HashMap<>();
        for (Rule r : rules) {
            if (r.limiter() != null && !r.builtin()) {
                m.put(r.name(), r.limiter());
            }
        }
        return m;
    }

    Clock clock() { return clock; }

    /** The after conditions' numbers, for a reload to keep (a session's memory of them stays valid). */
    AfterIndices afterIndices() { return afterIndices; }

    @Override
    public String toString() {
        return "Policy(" + source + ", version " + version + ", " + rules.size() + " rules)";
    }
}
