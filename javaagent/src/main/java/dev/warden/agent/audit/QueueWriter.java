package dev.warden.agent.audit;

import java.io.File;
import java.nio.file.Path;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.StoreFileListener;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.slf4j.LoggerFactory;

/**
 * The open Chronicle queue of a trail and the writing into it: one appender per thread, closed by
 * an {@link AppenderReaper} once the thread has ended (Chronicle
 * appenders are single-threaded; 2026.x has only {@code createAppender()}, no pooled
 * {@code acquireAppender()}), and a guard that keeps {@link #close()} from unmapping the files
 * while a thread is still writing into them — Chronicle does not, and the JVM dies with SIGSEGV.
 */
final class QueueWriter {

    /** How long close waits for appends in progress before it leaves the queue to the JVM's exit. */
    private static final long CLOSE_WAIT_NANOS = 1_000_000_000L;

    private final Path dir;
    private final Retention retention;
    private final ChronicleQueue queue;
    private final ThreadLocal<ExcerptAppender> appenders = new PerThreadAppender();
    private final AppenderReaper reaper;
    private final PathTable paths = new PathTable();
    /** Touched only inside a {@code writingDocument}, under the queue's write lock. */
    private final HashChain chain = new HashChain();
    /** Appends between their check of {@link #closed} and their last touch of the mapped file. */
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean closed;
    /** The header records name; written before the first record and again in each new daily file. */
    private volatile SessionHeader header;
    /**
     * Bumped when the header must be written (again): a new header, a new daily file. A record is
     * written only once the header asked for before it is in the trail ({@link #writeDueHeader}),
     * so no record of a session precedes the header that names it.
     */
    private final java.util.concurrent.atomic.AtomicLong headerRequests = new java.util.concurrent.atomic.AtomicLong();
    /** The request the header in the trail answers; written under {@link #headerLock}. */
    private volatile long headerWritten;
    private final Object headerLock = new Object();
    /** The daily file (cycle) last made owner-only; a write to another one narrows it (and sweeps old days). */
    private volatile int narrowedCycle = Integer.MIN_VALUE;

    /**
     * Opens (or creates) the queue in {@code dir}. Daily files ({@link RollCycles.FAST_DAILY},
     * {@code yyyyMMdd'F'.cq4}, UTC): {@code warden.audit.retain} is a number of days, so retention
     * deletes whole files; a day holds up to 2³² records; files are sparse.
     */
    QueueWriter(Path dir, java.util.concurrent.ThreadFactory threads, Retention retention) {
        this.dir = dir;
        this.retention = retention;
        this.reaper = new AppenderReaper(threads);
        OwnerOnly.createQueueMetadata(dir);
        this.queue = SingleChronicleQueueBuilder.binary(dir)
                .rollCycle(RollCycles.FAST_DAILY)
                .storeFileListener(new NewFileListener())
                .build();
        OwnerOnly.restrictQueueFiles(dir);
    }

    /** Writes {@code record} with this thread's appender; false (never an exception) if it failed. */
    boolean write(AuditRecord record) {
        // The increment comes before the check of closed, and close() sets closed before it reads
        // the count: one of the two always sees the other (both are volatile accesses).
        inFlight.incrementAndGet();
        try {
            return !closed && write(appenders.get(), record);
        } catch (Throwable t) {
            return false;
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** Writes every record of {@code records}, in order, with an appender of its own; returns how many failed. */
    int writeAll(Queue<AuditRecord> records) {
        int failed = 0;
        try (ExcerptAppender appender = queue.createAppender()) {
            for (AuditRecord r; (r = records.poll()) != null; ) {
                if (!write(appender, r)) {
                    failed++;
                }
            }
        }
        return failed;
    }

    /** Records from now on belong to {@code h}: it is written before the next record. */
    void session(SessionHeader h) {
        header = h;
        paths.newEpoch();
        headerRequests.incrementAndGet();
    }

    private boolean write(ExcerptAppender appender, AuditRecord record) {
        try {
            if (headerRequests.get() != headerWritten) {
                writeDueHeader(appender);
            }
            numberPaths(appender, record);
            try (DocumentContext dc = appender.writingDocument()) {
                try {
                    AuditCodec.write(record, chain.payload());
                    chain.seal(record.sessionKey, dc.wire().bytes());
                } catch (Throwable t) {
                    dc.rollbackOnClose();
                    throw t;
                }
            }
            // The store-file listener runs on Chronicle's own thread, possibly after this append:
            // the appender's cycle says for sure that this append went to a new daily file.
            int cycle = appender.cycle();
            if (cycle != narrowedCycle) {
                narrowedCycle = cycle;
                OwnerOnly.restrictQueueFiles(dir);
                retention.sweep(dir, java.time.Instant.now()); // a new day: yesterday's oldest file may have aged out
            }
            return true;
        } catch (Throwable t) {
            return false;
        }
    }

    /** Names each cached path by number, writing its definition first where this file lacks it. */
    private void numberPaths(ExcerptAppender appender, AuditRecord record) {
        // The epoch is read before the header: session() sets the header, then starts a new epoch,
        // so a record whose header is the current one sees that header's epoch or a later one (never
        // an earlier one), and a definition it writes under its own key is never taken for the
        // definition of a later header's epoch. (Read after the header, a reload in between made a
        // definition under the old key count for the new header: "<path #N not in the trail>".)
        int epoch = paths.epoch();
        SessionHeader own = record.header;
        if (own != null && own != header) {
            // Decided before a policy reload, ended after it: its header again (a few calls at
            // most), and its paths in full, since the path numbers belong to the current header.
            writeHeader(appender, own);
            inlinePaths(record);
            return;
        }
        for (int i = 0; i < record.targetCount; i++) {
            PathTable.Entry e = record.sessionKey == 0 ? null : paths.entry(record.targets[i], record.targetsUtf8[i]);
            if (e == null) {
                record.targetIds[i] = 0;
                continue;
            }
            if (paths.needsDefinition(e, epoch)) {
                try (DocumentContext dc = appender.writingDocument()) {
                    AuditCodec.writePath(record.sessionKey, e.id, e.utf8, chain.payload());
                    chain.seal(record.sessionKey, dc.wire().bytes());
                }
                paths.defined(e, epoch);
            }
            record.targetIds[i] = e.id;
        }
    }

    private static void inlinePaths(AuditRecord record) {
        for (int i = 0; i < record.targetCount; i++) {
            record.targetIds[i] = 0;
        }
    }

    /**
     * Writes the header asked for; threads that append meanwhile wait for it (rare: after a reload
     * or at a new daily file), so that their records follow it. Marked written only once it is:
     * a failed write is tried again by the next append.
     */
    private void writeDueHeader(ExcerptAppender appender) {
        synchronized (headerLock) {
            long requested = headerRequests.get();
            if (requested != headerWritten) {
                writeHeader(appender, header);
                headerWritten = requested;
            }
        }
    }

    private void writeHeader(ExcerptAppender appender, SessionHeader h) {
        if (h != null) {
            try (DocumentContext dc = appender.writingDocument()) {
                AuditCodec.writeSession(h, chain.payload());
                chain.sealHeader(h.key, dc.wire().bytes());
            }
        }
    }

    /** Closes the appenders of threads that have ended now (the reaper does it periodically). */
    int reapDeadThreads() {
        return reaper.reap();
    }

    int appenderCount() {
        return reaper.failures > 0 ? -reaper.failures : reaper.size();
    }

    /** Stops writing, waits for appends in progress, then closes the queue; idempotent. */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        long deadline = System.nanoTime() + CLOSE_WAIT_NANOS;
        while (inFlight.get() != 0) {
            if (System.nanoTime() > deadline) {
                LoggerFactory.getLogger(ChronicleAuditTrail.class)
                        .warn("audit appends still in progress after 1 s; leaving {} open", dir);
                return;
            }
            Thread.yield();
        }
        reaper.stop();
        queue.close();
        // A file acquired since the last append has not been narrowed yet.
        OwnerOnly.restrictQueueFiles(dir);
    }

    private final class PerThreadAppender extends ThreadLocal<ExcerptAppender> {
        @Override
        protected ExcerptAppender initialValue() {
            return reaper.own(queue.createAppender());
        }
    }

    /** Runs on Chronicle's own thread, which must not do Warden's I/O: it only raises a flag. */
    private final class NewFileListener implements StoreFileListener {
        @Override
        public void onAcquired(int cycle, File file) {
            // Each daily file carries its own header and path definitions, so one kept after
            // retention is readable alone.
            paths.newEpoch();
            headerRequests.incrementAndGet();
        }

        @Override
        public void onReleased(int cycle, File file) {
        }
    }
}
