package dev.warden.agent.metrics;

import dev.warden.policy.Policy;
import dev.warden.policy.RateLimiter;
import dev.warden.policy.Rule;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * Warden's counters: decisions by action family and decision, denials by rule, the use of each
 * rule's {@code limit}, the breaker's state. Counting an allowed call is one {@link LongAdder}
 * increment (no lock, no allocation once its cell exists); the maps are built only when read, by
 * the JMX bean and the Prometheus endpoint.
 */
public final class Metrics {

    /** The families of policy.md's actions, in the order of {@link #family}. */
    static final String[] FAMILIES = {"file", "http", "sql", "mail", "net", "process", "jvm"};
    /** Decision names by the governor's outcome code (1 allow, 2 deny, 3 would-deny, 4 error). */
    static final String[] DECISIONS = {"", "allow", "deny", "would-deny", "error"};

    private final LongAdder[][] decisions = new LongAdder[FAMILIES.length][DECISIONS.length];
    private final ConcurrentHashMap<String, LongAdder> denialsByRule = new ConcurrentHashMap<>();
    private final Supplier<Policy> policy;
    private final LongFunction<String> breakerState;
    final String agent;

    public Metrics(String agent, Supplier<Policy> policy, LongFunction<String> breakerState) {
        this.agent = agent;
        this.policy = policy;
        this.breakerState = breakerState;
        for (LongAdder[] row : decisions) {
            for (int d = 1; d < row.length; d++) {
                row[d] = new LongAdder();
            }
        }
    }

    /** Counts one decision: {@code family} as {@code Action.family()}, {@code code} the outcome code. */
    public void decided(String family, int code, String rule) {
        int f = family(family);
        if (f < 0 || code < 1 || code >= DECISIONS.length) {
            return;
        }
        decisions[f][code].increment();
        if (code == 2 && rule != null) {
            denialsByRule.computeIfAbsent(rule, r -> new LongAdder()).increment();
        }
    }

    private static int family(String family) {
        for (int i = 0; i < FAMILIES.length; i++) {
            if (FAMILIES[i].equals(family)) {
                return i;
            }
        }
        return -1;
    }

    /** {@code file/allow} → count, every pair. */
    public Map<String, Long> decisions() {
        Map<String, Long> out = new TreeMap<>();
        for (int f = 0; f < FAMILIES.length; f++) {
            for (int d = 1; d < DECISIONS.length; d++) {
                out.put(FAMILIES[f] + "/" + DECISIONS[d], decisions[f][d].sum());
            }
        }
        return out;
    }

    public Map<String, Long> denialsByRule() {
        Map<String, Long> out = new TreeMap<>();
        denialsByRule.forEach((rule, n) -> out.put(rule, n.sum()));
        return out;
    }

    /** Each rule with a {@code limit}: its limit and the permits taken in the current window. */
    public Map<String, LimitUse> limits() {
        Map<String, LimitUse> out = new TreeMap<>();
        Policy p = policy.get();
        if (p == null) {
            return out;
        }
        long now = System.nanoTime();
        for (Rule r : p.rules()) {
            RateLimiter l = r.limiter();
            if (l != null) {
                out.put(r.name(), new LimitUse(l.limit().toString(), l.limit().count(), l.used(now)));
            }
        }
        return out;
    }

    public String breaker() {
        return breakerState.apply(System.nanoTime());
    }

    /** A rule's limit and how much of it the current window has used. */
    public record LimitUse(String limit, int count, int used) {}
}
