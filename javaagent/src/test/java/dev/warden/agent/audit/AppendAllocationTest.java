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
            // Less than a byte per append on average. Steady state is 0; Chronicle allocates a few
            // hundred bytes now and then when it maps a new chunk of the file, and the JIT may still
            // be compiling. A single allocation per append would be at least 16 bytes x 10,000.
            assertTrue(allocated < MEASURED, allocated + " bytes allocated by " + MEASURED + " appends");
        }
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
