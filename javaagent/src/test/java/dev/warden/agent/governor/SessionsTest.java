package dev.warden.agent.governor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.policy.PerformedActions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SessionsTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aSessionExpiresAfterItsTtlCountedFromItsStart() {
        Sessions s = new Sessions("proc", Duration.ofSeconds(10), 100 * SECOND);
        assertNull(s.refusal(null, 109 * SECOND));
        assertEquals("session expired", s.refusal(null, 110 * SECOND));
        Session named = s.open("conversation-1", 105 * SECOND);
        assertNull(s.refusal(named, 114 * SECOND), "a named session's lifespan starts at its first open");
        assertEquals("session expired", s.refusal(named, 115 * SECOND));
    }

    @Test
    void withoutATtlASessionNeverExpiresEvenAcrossNanoTimeOverflow() {
        Sessions s = new Sessions("proc", null, Long.MAX_VALUE - SECOND);
        assertNull(s.refusal(null, Long.MIN_VALUE + SECOND));
    }

    @Test
    void reopeningASessionContinuesIt() {
        Sessions s = new Sessions("proc", Duration.ofSeconds(10), 0);
        Session first = s.open("c", 0);
        assertSame(first, s.open("c", 9 * SECOND));
        assertEquals("session expired", s.refusal(s.open("c", 10 * SECOND), 10 * SECOND));
        assertSame(s.process, s.open("proc", 0), "the process session's own id is the process session");
    }

    @Test
    void aRevokedSessionIsRefusedAndARevocationBeforeTheFirstOpenHolds() {
        Sessions s = new Sessions("proc", null, 0);
        Session a = s.open("a", 0);
        assertSame(a, s.revoke("a"));
        assertEquals("session revoked", s.refusal(a, 1));
        assertNull(s.refusal(null, 1), "other sessions go on");
        assertNull(s.revoke("later"), "not known to this process yet");
        assertEquals("session revoked", s.refusal(s.open("later", 2), 2));
        assertSame(s.process, s.revoke("proc"));
        assertEquals("session revoked", s.refusal(null, 3));
    }

    @Test
    void aReloadedTtlAppliesToEverySessionFromItsOwnStart() {
        Sessions s = new Sessions("proc", Duration.ofHours(1), 0);
        Session late = s.open("late", 50 * SECOND);
        assertNull(s.refusal(null, 60 * SECOND));

        s.ttl(Duration.ofSeconds(30)); // shortened: the process session is 60 s old, "late" 10 s
        assertEquals("session expired", s.refusal(null, 60 * SECOND), "expired at once");
        assertNull(s.refusal(late, 60 * SECOND));
        assertEquals("session expired", s.refusal(late, 80 * SECOND));

        s.ttl(Duration.ofMinutes(2)); // lengthened: both may act again, measured from their starts
        assertNull(s.refusal(null, 80 * SECOND));
        assertNull(s.refusal(late, 80 * SECOND));
        assertEquals("session expired", s.refusal(null, 120 * SECOND));

        s.ttl(null); // removed: no session expires
        assertNull(s.refusal(null, 10_000 * SECOND));
        assertNull(s.refusal(late, 10_000 * SECOND));
    }

    @Test
    void aReloadedTtlDoesNotRevive() {
        Sessions s = new Sessions("proc", Duration.ofSeconds(10), 0);
        s.revoke("proc");
        s.ttl(null);
        assertEquals("session revoked", s.refusal(null, SECOND), "a revocation is for good");
    }

    @Test
    void eachSessionRemembersWhatItDidForItself() {
        Sessions s = new Sessions("proc", null, 0);
        Session a = s.open("a", 0);
        Session b = s.open("b", 0);
        assertSame(PerformedActions.NONE, a.performed(), "nothing allocated before a condition is met");
        a.remember(new int[] {3});
        assertTrue(a.performed().performed(3));
        assertFalse(b.performed().performed(3));
        assertFalse(s.process.performed().performed(3));
        PerformedActions mine = a.performed();
        a.remember(new int[] {3, 70});
        assertSame(mine, a.performed(), "made once");
        assertTrue(a.performed().performed(70));
        assertSame(a, s.open("a", SECOND));
        assertTrue(s.open("a", SECOND).performed().performed(3), "reopening continues it");
        s.of(null).remember(new int[] {5});
        assertTrue(s.process.performed().performed(5));
        assertFalse(a.performed().performed(5));
    }

    @Test
    void sessionsRememberingAtOnceShareOneMemoryEach() throws Exception {
        Session a = new Sessions("proc", null, 0).open("a", 0);
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            int bit = t;
            threads[t] = new Thread(() -> a.remember(new int[] {bit}));
        }
        for (Thread t : threads) {
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        for (int bit = 0; bit < threads.length; bit++) {
            assertTrue(a.performed().performed(bit), "condition " + bit + " was lost");
        }
    }
}
