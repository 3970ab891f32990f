package dev.warden.policy;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A rule's {@code limit = N/window}: at most N successful {@link #tryAcquire} calls in any sliding
 * window, exactly, from any number of threads, without a lock.
 *
 * <p>Acquire number {@code s} may succeed only if acquire {@code s - N} happened a full window
 * ago. The last N acquire times sit in a ring indexed by {@code s mod N}; a thread claims number
 * {@code s} with one CAS on the sequence and then publishes its time and number in the slot. A
 * thread that needs a slot whose previous owner has claimed it but not yet published spins for
 * those few instructions rather than read a stale time, which is what keeps the count exact.
 */
public final class RateLimiter {

    private final Limit limit;
    private final int n;
    private final long windowNanos;
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLongArray times;
    /** Which acquire number each slot's time belongs to; -1 before the first. */
    private final AtomicLongArray owners;

    public RateLimiter(Limit limit) {
        this.limit = limit;
        this.n = limit.count();
        this.windowNanos = limit.window().toNanos();
        this.times = new AtomicLongArray(n);
        this.owners = new AtomicLongArray(n);
        for (int i = 0; i < n; i++) {
            owners.set(i, -1);
        }
    }

    /** The limit this limiter enforces. */
    public Limit limit() {
        return limit;
    }

    /**
     * Takes one permit at {@code nowNanos} ({@link System#nanoTime()}), or returns false when N were
     * already taken in the window before it. Denied calls take nothing.
     */
    public boolean tryAcquire(long nowNanos) {
        while (true) {
            long s = sequence.get();
            int slot = (int) (s % n);
            if (s >= n && !windowPassed(s - n, slot, nowNanos)) {
                if (sequence.get() == s) {
                    return false;
                }
                continue; // others moved on meanwhile: look again
            }
            if (sequence.compareAndSet(s, s + 1)) {
                times.set(slot, nowNanos);
                owners.set(slot, s); // publishes the time written just before
                return true;
            }
        }
    }

    /** Whether acquire number {@code previous}, stored in {@code slot}, lies a full window before now. */
    private boolean windowPassed(long previous, int slot, long nowNanos) {
        long owner;
        while ((owner = owners.get(slot)) < previous) {
            Thread.onSpinWait(); // its owner has claimed the number but not yet written its time
        }
        if (owner > previous) {
            return false; // the slot was already reused: the sequence moved on, the caller re-reads it
        }
        long t = times.get(slot);
        return owners.get(slot) == previous && nowNanos - t >= windowNanos;
    }

    /** How many permits were taken in the window ending at {@code nowNanos}: for metrics (it scans N slots). */
    public int used(long nowNanos) {
        long s = sequence.get();
        int count = 0;
        for (long k = Math.max(0, s - n); k < s; k++) {
            int slot = (int) (k % n);
            if (owners.get(slot) == k && nowNanos - times.get(slot) < windowNanos) {
                count++;
            }
        }
        return count;
    }

    @Override
    public String toString() {
        return "RateLimiter(" + limit + ")";
    }
}
