package dev.warden.policy;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What one session has done, as far as the policy's {@code after} conditions ask: one bit per
 * condition ({@link AfterIndices}), set once the session performed a matching, allowed action.
 * Bounded ({@value #CAPACITY} bits, 512 bytes), lock-free and allocation-free: reading is one
 * array load, and remembering writes only the first time a condition is met.
 */
public final class PerformedActions {

    static final int CAPACITY = 4096;

    /** A session that has done nothing yet (and never will: {@link #remember} is not for it). */
    public static final PerformedActions NONE = new PerformedActions();

    private final AtomicLongArray bits = new AtomicLongArray(CAPACITY / 64);

    /** Whether condition {@code index} has been met. */
    public boolean performed(int index) {
        return (bits.get(index >>> 6) & (1L << index)) != 0;
    }

    /**
     * The session performed an allowed action that meets {@code conditions} ({@link Verdict#performs()}).
     */
    public void remember(int[] conditions) {
        if (this == NONE) {
            throw new IllegalStateException("NONE stands for a session that has done nothing");
        }
        for (int index : conditions) {
            int word = index >>> 6;
            long bit = 1L << index;
            long current = bits.get(word);
            while ((current & bit) == 0 && !bits.compareAndSet(word, current, current | bit)) {
                current = bits.get(word);
            }
        }
    }
}
