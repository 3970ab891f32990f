package dev.warden.agent.governor;

import dev.warden.policy.Limit;
import dev.warden.policy.RateLimiter;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code warden.breaker.errors = N/window}: when more than N governed calls fail (an exception, an
 * HTTP status of 400 or more, a SQL error) within the window, the agent is suspended — every
 * governed action denied with reason {@code circuit open} — for {@code warden.breaker.cooldown},
 * then let through again. The failures are counted by the same lock-free sliding window as a
 * rule's {@code limit}; a call reads one volatile field to know whether the circuit is open.
 *
 * <p>Both settings follow a policy reload ({@link #configure}): a changed {@code errors} counts
 * afresh (as a rule's changed {@code limit} does), a removed one turns the breaker off and closes an
 * open circuit; a changed cooldown applies to an open circuit too, measured from its opening.
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

    private volatile Limit errors;
    private volatile long cooldownNanos;
    private final Listener listener;
    /** Counts failures; {@code null} while the breaker is off. */
    private volatile RateLimiter failures;
    /** {@code System.nanoTime()} when the circuit opened, or {@link #CLOSED}. */
    private final AtomicLong openedAt = new AtomicLong(CLOSED);

    /** {@code errors} {@code null}: no breaker (every method is a no-op). */
    CircuitBreaker(Limit errors, java.time.Duration cooldown, Listener listener) {
        this.listener = listener;
        configure(errors, cooldown, System.nanoTime());
    }

    /**
     * Puts {@code errors} ({@code null}: off) and {@code cooldown} in force (a policy reload). Not on
     * the governed path; called by one thread at a time.
     */
    synchronized void configure(Limit errors, java.time.Duration cooldown, long nowNanos) {
        cooldownNanos = cooldown == null ? 0 : cooldown.toNanos();
        if (Objects.equals(errors, this.errors)) {
            return; // unchanged: the failures counted so far still count
        }
        this.errors = errors;
        failures = errors == null ? null : new RateLimiter(errors);
        long at = openedAt.get();
        if (errors == null && at != CLOSED && openedAt.compareAndSet(at, CLOSED)) {
            listener.closed(nowNanos); // the breaker was turned off: no suspension outlives it
        }
    }

    /** Whether calls are refused now; the first call after the cooldown closes the circuit. */
    boolean open(long nowNanos) {
        long at = openedAt.get();
        if (at == CLOSED) {
            return false;
        }
        if (nowNanos - at < cooldownNanos) {
            return true;
        }
        if (openedAt.compareAndSet(at, CLOSED)) {
            Limit e = errors;
            failures = e == null ? null : new RateLimiter(e); // failures before the suspension do not count again
            listener.closed(nowNanos);
        }
        return false;
    }

    /** A governed call failed: the failure past N within the window opens the circuit. */
    void failed(long nowNanos) {
        RateLimiter f = failures;
        if (f == null || openedAt.get() != CLOSED) {
            return;
        }
        if (!f.tryAcquire(nowNanos) && openedAt.compareAndSet(CLOSED, nowNanos)) {
            listener.opened(nowNanos, errors, cooldownNanos);
        }
    }

    /** For metrics: {@code off}, {@code closed}, or {@code open} with the seconds left. */
    String state(long nowNanos) {
        if (errors == null) {
            return "off";
        }
        long at = openedAt.get();
        long left = cooldownNanos - (nowNanos - at);
        return at == CLOSED || left <= 0 ? "closed" : "open (" + (left / 1_000_000_000L + 1) + " s left)";
    }

    boolean isOpen(long nowNanos) {
        long at = openedAt.get();
        return at != CLOSED && nowNanos - at < cooldownNanos;
    }
}
