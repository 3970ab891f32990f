package dev.warden.agent.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hot path's promise: once the trail is open, {@code append} allocates nothing on the calling
 * thread. Measured with HotSpot's per-thread allocation counter; also prints the append cost.
 */
class AppendAllocationTest {

    private static final int WARM_UP = 50_000;
    private static final int MEASURED = 10_000;

    @TempDir
    Path temp;

    @Test
    void appendAllocatesNothingOnceOpen() throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().getId();
        try (ChronicleAuditTrail trail = ChronicleAuditTrail.open(temp.resolve("audit"))) {
            Trails.awaitOpen(trail);
            AuditRecord r = Records.full();
            for (int i = 0; i < WARM_UP; i++) {
                r.timeEpochNanos = i;
                trail.append(r);
            }
            // Up to three measured windows: on a loaded machine the JIT may still be compiling, or
            // Chronicle maps a new chunk of the file, during one of them (a few KB once, seen on the
            // base version too). A single allocation per append (at least 16 bytes x 10,000 in every
            // window) fails all three.
            long[] allocations = new long[3];
            for (int w = 0; w < allocations.length; w++) {
                allocations[w] = measure(trail, r, threads, self);
                if (allocations[w] < MEASURED) {
                    return;
                }
            }
            // Less than a byte per append on average. Steady state is 0.
            throw new AssertionError(Arrays.toString(allocations) + " bytes allocated by " + MEASURED
                    + " appends in each of three windows");
        }
    }

    /** One window of appends: the bytes this thread allocated; prints the append cost. */
    private static long measure(ChronicleAuditTrail trail, AuditRecord r, com.sun.management.ThreadMXBean threads, long self) {
        long[] nanos = new long[MEASURED];
        boolean allWritten = true;
        long before = threads.getThreadAllocatedBytes(self);
        for (int i = 0; i < MEASURED; i++) {
            r.timeEpochNanos = i;
            long t0 = System.nanoTime();
            allWritten &= trail.append(r);
            nanos[i] = System.nanoTime() - t0;
        }
        long allocated = threads.getThreadAllocatedBytes(self) - before;
        assertTrue(allWritten);
        Arrays.sort(nanos);
        System.out.printf("append of a full record: p50 %d ns, p99 %d ns, max %d ns; %d bytes allocated over %d appends%n",
                nanos[MEASURED / 2], nanos[MEASURED * 99 / 100], nanos[MEASURED - 1], allocated, MEASURED);
        return allocated;
    }

    @Test
    void theCounterSeesAllocations() {
        // The test above can fail: the counter sees an allocation of 16 bytes x 10,000.
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().getId();
        Object[] keep = new Object[MEASURED];
        long before = threads.getThreadAllocatedBytes(self);
        for (int i = 0; i < MEASURED; i++) {
            keep[i] = new Object();
        }
        long allocated = threads.getThreadAllocatedBytes(self) - before;
        assertTrue(allocated >= 16L * MEASURED, allocated + " bytes");
        assertEquals(MEASURED, keep.length);
    }
}
