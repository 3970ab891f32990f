package dev.warden.agent.governor;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A bounded, lock-free pool of {@link DetachedCall}s, so that a request that leaves its thread
 * allocates nothing once the pool holds as many as are in flight. Each slot holds a free call or
 * nothing; taking and giving back are one compare-and-set on a slot, searched from the thread's own
 * start so that threads seldom meet. An empty pool makes a new call; a full one lets a call go to
 * the garbage collector.
 */
final class DetachedCalls {

    static final int SIZE = 128;
    private static final int MASK = SIZE - 1;

    private final AtomicReferenceArray<DetachedCall> free = new AtomicReferenceArray<>(SIZE);
    private final NetworkCalls network;

    DetachedCalls(NetworkCalls network) {
        this.network = network;
    }

    DetachedCall take(int start) {
        for (int i = 0; i < SIZE; i++) {
            int s = (start + i) & MASK;
            DetachedCall d = free.get(s);
            // A call in a slot is free whoever put it there: no ABA to fear.
            if (d != null && free.compareAndSet(s, d, null)) {
                return d;
            }
        }
        return new DetachedCall(network);
    }

    /** After its record is written: nothing else may hold {@code d} any more. */
    void giveBack(DetachedCall d, int start) {
        d.key = null;
        d.frame.reset(0);
        for (int i = 0; i < SIZE; i++) {
            int s = (start + i) & MASK;
            if (free.get(s) == null && free.compareAndSet(s, null, d)) {
                return;
            }
        }
    }
}
