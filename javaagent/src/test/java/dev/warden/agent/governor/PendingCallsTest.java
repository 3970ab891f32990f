package dev.warden.agent.governor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PendingCallsTest {

    private final List<DetachedCall> pushedOut = new ArrayList<>();
    private final PendingCalls pending = new PendingCalls(pushedOut::add);

    private static DetachedCall call(Object key, long startNanos) {
        DetachedCall c = new DetachedCall(null);
        c.key = key;
        c.frame.startNanos = startNanos;
        return c;
    }

    @Test
    void aParkedCallIsTakenOnceByItsKey() {
        Object key = new Object();
        DetachedCall c = call(key, 1);
        pending.park(c);
        assertNull(pending.take(new Object()));
        assertSame(c, pending.take(key));
        assertNull(pending.take(key));
        assertEquals(List.of(), pushedOut);
    }

    @Test
    void parkingUnderAWaitingKeyPushesTheWaitingCallOut() {
        Object key = new Object();
        DetachedCall first = call(key, 1);
        DetachedCall second = call(key, 2);
        pending.park(first);
        pending.park(second);
        assertEquals(List.of(first), pushedOut);
        assertSame(second, pending.take(key));
    }

    @Test
    void aFullTableLosesNothing() {
        int n = PendingCalls.SIZE * 3;
        Set<DetachedCall> parked = new HashSet<>();
        for (int i = 0; i < n; i++) {
            DetachedCall c = call(new Object(), i);
            parked.add(c);
            pending.park(c);
        }
        List<DetachedCall> drained = new ArrayList<>();
        pending.drain(drained::add);
        assertEquals(n, pushedOut.size() + drained.size(), "each call pushed out or drained, once");
        Set<DetachedCall> all = new HashSet<>(pushedOut);
        all.addAll(drained);
        assertEquals(parked, all);
        assertTrue(drained.size() > PendingCalls.SIZE / 2, "the table holds calls until it is full: " + drained.size());
    }
}
