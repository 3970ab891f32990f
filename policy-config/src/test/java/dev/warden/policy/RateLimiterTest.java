package dev.warden.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void atMostNInAnySlidingWindow() {
        RateLimiter r = new RateLimiter(Limit.parse("3/10s"));
        assertTrue(r.tryAcquire(0));
        assertTrue(r.tryAcquire(2 * SECOND));
        assertTrue(r.tryAcquire(4 * SECOND));
        assertFalse(r.tryAcquire(9 * SECOND));
        assertTrue(r.tryAcquire(10 * SECOND), "the first acquire has left the window");
        assertFalse(r.tryAcquire(11 * SECOND));
        assertTrue(r.tryAcquire(12 * SECOND));
        assertFalse(r.tryAcquire(13 * SECOND), "denied calls do not count, but three are in (3s, 13s]");
    }

    @Test
    void exactUnderEightThreads() throws InterruptedException {
        RateLimiter r = new RateLimiter(Limit.parse("1000/1h"));
        AtomicInteger granted = new AtomicInteger();
        runEightThreads(() -> {
            for (int i = 0; i < 20_000; i++) {
                if (r.tryAcquire(5 * SECOND)) {
                    granted.incrementAndGet();
                }
            }
        });
        assertEquals(1000, granted.get());
        assertFalse(r.tryAcquire(5 * SECOND + 3599 * SECOND));
        assertTrue(r.tryAcquire(5 * SECOND + 3600 * SECOND));
    }

    @Test
    void exactUnderEightThreadsWithAMovingClock() throws InterruptedException {
        // Time advances 1 ms per call across all threads; with 50 per 100 ms, every 100 ms window
        // of the recorded grant times must hold at most 50 of them.
        RateLimiter r = new RateLimiter(new Limit(50, Duration.ofMillis(100)));
        AtomicLong clock = new AtomicLong();
        List<Long> grants = java.util.Collections.synchronizedList(new ArrayList<>());
        runEightThreads(() -> {
            for (int i = 0; i < 5_000; i++) {
                long now = clock.addAndGet(1_000_000L);
                if (r.tryAcquire(now)) {
                    grants.add(now);
                }
            }
        });
        List<Long> sorted = new ArrayList<>(grants);
        sorted.sort(null);
        for (int i = 50; i < sorted.size(); i++) {
            assertTrue(sorted.get(i) - sorted.get(i - 50) >= 100_000_000L - 8_000_000L,
                    "51 grants within one window at " + i);
        }
        assertTrue(sorted.size() >= 50 * 3, "grants keep coming as time passes: " + sorted.size());
    }

    private static void runEightThreads(Runnable body) throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Thread th = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                body.run();
            });
            th.start();
            threads.add(th);
        }
        start.countDown();
        for (Thread th : threads) {
            th.join();
        }
    }

    @Test
    void limitsParseAndPrint() {
        assertEquals(new Limit(20, Duration.ofHours(1)), Limit.parse("20/1h"));
        assertEquals(new Limit(100, Duration.ofHours(1)), Limit.parse("100/h"));
        assertEquals("5/1m", Limit.parse("5 / 60s").toString());
    }
}
