package dev.warden.agent.governor;

import java.time.Instant;

/**
 * Wall-clock time in nanoseconds without allocating: an {@link Instant} read once at start-up,
 * advanced by {@link System#nanoTime()}. It does not follow later wall-clock adjustments; records
 * of one process stay ordered and precise, which is what an incident review needs.
 */
final class EpochClock {

    private final long baseEpochNanos;
    private final long baseNanoTime;

    EpochClock() {
        Instant now = Instant.now();
        baseNanoTime = System.nanoTime();
        baseEpochNanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    long epochNanos(long nanoTime) {
        return baseEpochNanos + (nanoTime - baseNanoTime);
    }
}
