package dev.warden.agent.governor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.policy.Limit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The breaker's settings after a reload: counting, cooldown, turning it off. */
class CircuitBreakerTest {

    private static final long S = 1_000_000_000L;

    private final List<String> events = new ArrayList<>();
    private final CircuitBreaker.Listener listener = new CircuitBreaker.Listener() {
        @Override
        public void opened(long nowNanos, Limit errors, long cooldownNanos) {
            events.add("opened " + errors + " " + cooldownNanos / S + "s");
        }

        @Override
        public void closed(long nowNanos) {
            events.add("closed");
        }
    };

    private static void fail(CircuitBreaker b, int times, long now) {
        for (int i = 0; i < times; i++) {
            b.failed(now);
        }
    }

    @Test
    void aChangedCooldownAppliesToAnOpenCircuitFromItsOpening() {
        CircuitBreaker b = new CircuitBreaker(Limit.parse("2/1m"), Duration.ofMinutes(5), listener);
        fail(b, 3, 10 * S);
        assertTrue(b.open(11 * S));
        b.configure(Limit.parse("2/1m"), Duration.ofSeconds(30), 12 * S);
        assertTrue(b.open(39 * S));
        assertFalse(b.open(40 * S), "30 s after it opened");
        assertEquals(List.of("opened 2/1m 300s", "closed"), events);
    }

    @Test
    void anUnchangedLimitKeepsItsCountAChangedOneStartsAfresh() {
        CircuitBreaker b = new CircuitBreaker(Limit.parse("2/1m"), Duration.ofMinutes(5), listener);
        fail(b, 2, S);
        b.configure(Limit.parse("2/1m"), Duration.ofMinutes(1), 2 * S);
        fail(b, 1, 3 * S);
        assertTrue(b.isOpen(3 * S), "the third failure within the window");

        CircuitBreaker c = new CircuitBreaker(Limit.parse("2/1m"), Duration.ofMinutes(5), listener);
        fail(c, 2, S);
        c.configure(Limit.parse("3/1m"), Duration.ofMinutes(5), 2 * S);
        fail(c, 3, 3 * S);
        assertFalse(c.isOpen(3 * S), "counted afresh: three of three");
        fail(c, 1, 4 * S);
        assertTrue(c.isOpen(4 * S));
    }

    @Test
    void removingTheBreakerClosesAnOpenCircuitAndTurnsItOff() {
        CircuitBreaker b = new CircuitBreaker(Limit.parse("1/1m"), Duration.ofMinutes(5), listener);
        fail(b, 2, S);
        assertTrue(b.open(2 * S));
        b.configure(null, Duration.ofMinutes(5), 3 * S);
        assertFalse(b.open(3 * S));
        assertEquals("off", b.state(3 * S));
        fail(b, 10, 4 * S);
        assertFalse(b.open(4 * S));
        assertEquals(List.of("opened 1/1m 300s", "closed"), events);

        b.configure(Limit.parse("1/1m"), Duration.ofMinutes(5), 5 * S);
        assertEquals("closed", b.state(5 * S));
        fail(b, 2, 6 * S);
        assertTrue(b.open(6 * S), "on again");
    }
}
