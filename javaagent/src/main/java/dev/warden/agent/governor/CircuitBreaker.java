package dev.warden.agent.governor;

import dev.warden.policy.Limit;
import dev.warden.policy.RateLimiter;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code warden.breaker.errors = N/window}: when more than N governed calls fail (an exception, an
 * HTTP status of 400 or more, a SQL error) within the window, the agent is suspended — every
 * governed action denied with reason {@code circuit open} — for {@code warden.breaker.cooldown},
 * then let through again. The failures are counted by the same lock-free sliding window as a
 * rule's {@code limit}; a call reads one volatile field to know whether the circuit is open.
 */
final class CircuitBreaker {

    static final String RULE = "circuit-breaker";
    static final String OPEN = "circuit open";
    private static final long CLOSED = Long.MIN_VALUE;

    /** What the breaker reports when it opens or closes; the caller is inside Warden. */
    interface Listener {
        void opened(long nowNanos, Limit errors, long cooldownNanos);

        void closed(long nowNanos);
    }

    private final Limit errors;
    private final long cooldownNanos;
    private final Listener listener;
    private volatile RateLimiter failures;
    /** {@code System.nanoTime()} when the circuit closes again, or {@link #CLOSED}. */
    private final AtomicLong openUntil = new AtomicLong(CLOSED);

    /** {@code errors} {@code null}: no breaker (every method is a no-op). */
    CircuitBreaker(Limit errors, java.time.Duration cooldown, Listener listener) {
        this.errors = errors;
        this.cooldownNanos = cooldown == null ? 0 : cooldown.toNanos();
        this.listener = listener;
        this.failures = errors == null ? null : new RateLimiter(errors);
    }

    /** Whether calls are refused now; the first call after the cooldown closes the circuit. */
    boolean open(long nowNanos) {
        long until = openUntil.get();
        if (until == CLOSED) {
            return false;
        }
        if (nowNanos - until < 0) {
            return true;
        }
        if (openUntil.compareAndSet(until, CLOSED)) {
            failures = new RateLimiter(errors); // failures before the suspension do not count again
            listener.closed(nowNanos);
        }
        return false;
    }

    /** A governed call failed: the failure past N within the window opens the circuit. */
    void failed(long nowNanos) {
        RateLimiter f = failures;
        if (f == null || openUntil.get() != CLOSED) {
            return;
        }
        if (!f.tryAcquire(nowNanos) && openUntil.compareAndSet(CLOSED, nowNanos + cooldownNanos)) {
            listener.opened(nowNanos, errors, cooldownNanos);
        }
    }

    /** For metrics: {@code closed}, or {@code open} with the seconds left. */
    String state(long nowNanos) {
        long until = openUntil.get();
        if (errors == null) {
            return "off";
        }
        return until == CLOSED || nowNanos - until >= 0 ? "closed" : "open (" + ((until - nowNanos) / 1_000_000_000L + 1) + " s left)";
    }

    boolean isOpen(long nowNanos) {
        long until = openUntil.get();
        return until != CLOSED && nowNanos - until < 0;
    }
}
