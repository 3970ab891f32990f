package dev.warden.agent.governor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class DetachedCallsTest {

    private final DetachedCalls pool = new DetachedCalls(null);

    @Test
    void aCallGivenBackIsTakenAgainCleared() {
        DetachedCall c = pool.take(7);
        c.key = "k";
        c.frame.reset(Family.HTTP);
        c.frame.add(dev.warden.policy.Action.http("GET"), "http://x:80/", null, null, null);
        c.frame.status = 200;
        pool.giveBack(c, 3); // given back on another thread, found from this one's start
        DetachedCall again = pool.take(7);
        assertSame(c, again);
        assertNull(again.key);
        assertEquals(0, again.frame.count);
        assertEquals(-1, again.frame.status);
        assertNotSame(c, pool.take(7), "an empty pool makes a new call");
    }

    @Test
    void aFullPoolLetsCallsGo() {
        for (int i = 0; i < DetachedCalls.SIZE + 10; i++) {
            pool.giveBack(new DetachedCall(null), i);
        }
        for (int i = 0; i < DetachedCalls.SIZE; i++) {
            pool.take(i);
        }
        DetachedCall fresh = pool.take(0);
        assertEquals(0, fresh.frame.count);
    }
}
