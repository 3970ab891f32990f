package dev.warden.agent.governor;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP hops whose record waits for their response, by the hop's key (its request or connection
 * object, compared by identity): a lock-free, bounded, open-addressed table. A key hashes to a run
 * of {@link #PROBES} slots; parking takes a free one with a compare-and-set, finding the response
 * takes the call out with another. Nothing is lost when the table fills: parking then pushes out
 * the oldest call of the run, which is written at once, without a status.
 */
final class PendingCalls {

    static final int SIZE = 1024;
    static final int PROBES = 8;
    private static final int MASK = SIZE - 1;

    private final AtomicReferenceArray<DetachedCall> slots = new AtomicReferenceArray<>(SIZE);
    private static final Logger LOG = LoggerFactory.getLogger(PendingCalls.class);
    /** Warned once: a program that keeps this many requests waiting does so again. */
    private volatile boolean warnedFull;
    /** Writes the record of a call pushed out, without a status: the request went out. */
    private final Consumer<DetachedCall> pushedOut;

    PendingCalls(Consumer<DetachedCall> pushedOut) {
        this.pushedOut = pushedOut;
    }

    /**
     * Parks {@code call} under its {@code key}, pushing out a call already waiting under the same
     * key (a hop that got no response, and its key is used again) or, when its run is full, the
     * oldest of the run.
     */
    void park(DetachedCall call) {
        int start = start(call.key);
        while (true) {
            int free = -1;
            int oldest = -1;
            long oldestStart = 0;
            boolean raced = false;
            for (int i = 0; i < PROBES && !raced; i++) {
                int s = (start + i) & MASK;
                DetachedCall c = slots.get(s);
                if (c == null) {
                    free = free < 0 ? s : free;
                } else if (c.key == call.key) {
                    if (slots.compareAndSet(s, c, call)) {
                        pushedOut.accept(c);
                        return;
                    }
                    raced = true;
                } else if (oldest < 0 || c.frame.startNanos - oldestStart < 0) {
                    oldest = s;
                    oldestStart = c.frame.startNanos;
                }
            }
            if (raced) {
                continue;
            }
            if (free >= 0) {
                if (slots.compareAndSet(free, null, call)) {
                    return;
                }
                continue;
            }
            DetachedCall c = slots.get(oldest);
            if (c != null && slots.compareAndSet(oldest, c, call)) {
                if (!warnedFull) {
                    warnedFull = true;
                    LOG.warn("Warden records HTTP requests whose response it did not see yet: more wait than it follows ({} at most)", SIZE);
                }
                pushedOut.accept(c);
                return;
            }
        }
    }

    /** Takes out the call parked under {@code key}, or returns {@code null}. */
    DetachedCall take(Object key) {
        int start = start(key);
        for (int i = 0; i < PROBES; i++) {
            int s = (start + i) & MASK;
            DetachedCall c = slots.get(s);
            if (c != null && c.key == key && slots.compareAndSet(s, c, null)) {
                if (c.key == key) {
                    return c;
                }
                // Between the look and the take, c was answered elsewhere and parked again under
                // another key in this very slot: it is not ours, put it back.
                park(c);
            }
        }
        return null;
    }

    /** Takes out every parked call (at JVM exit). */
    void drain(Consumer<DetachedCall> each) {
        for (int s = 0; s < SIZE; s++) {
            DetachedCall c = slots.getAndSet(s, null);
            if (c != null) {
                each.accept(c);
            }
        }
    }

    private static int start(Object key) {
        int h = System.identityHashCode(key);
        return (h ^ (h >>> 16)) * 0x9E3779B9 >>> 22; // the top 10 bits: SIZE = 1024
    }
}
