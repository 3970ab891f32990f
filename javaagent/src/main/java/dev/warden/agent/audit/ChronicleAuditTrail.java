package dev.warden.agent.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * The audit trail: one Chronicle Queue per audit directory, appended to on the calling thread.
 *
 * <p>Start-up budget: loading Chronicle costs 0.3–1 s, so {@link #open} only checks the directory
 * (a few ms) and opens the queue on a background thread at once. Records appended meanwhile are copied into
 * memory and written, in order, as soon as the queue is open; from then on {@link #append} writes
 * straight into the memory-mapped file, allocating nothing. A record is in the page cache when
 * {@code append} returns, so it survives {@code kill -9} of the process (not a power cut: that
 * would take an {@code msync} per record).
 */
public final class ChronicleAuditTrail implements AuditSink {

    /** Records start-up may hold in memory; beyond this {@code append} fails rather than grow without bound. */
    static final int MAX_PENDING = 100_000;
    private static final long CLOSE_WAIT_SECONDS = 10;

    private final Path dir;
    private final Object lock = new Object();
    /** Records appended before the queue opened, oldest first. Guarded by {@link #lock}. */
    private final ArrayDeque<AuditRecord> pending = new ArrayDeque<>();
    /** Counted down when the background open has succeeded or failed. */
    private final CountDownLatch settled = new CountDownLatch(1);
    /** Set, under the lock, once the pending records are written; appends then go straight to it. */
    private volatile QueueWriter writer;
    private boolean closed; // guarded by lock
    private boolean opening; // guarded by lock
    private SessionHeader header; // guarded by lock
    private final ThreadFactory threads;

    private final Retention retention;

    private ChronicleAuditTrail(Path dir, ThreadFactory threads, Retention retention) {
        this.dir = dir;
        this.threads = threads;
        this.retention = retention;
    }

    /**
     * Sets the system properties that keep Chronicle silent and offline. Call before any Chronicle
     * class loads (the agent does, first thing in {@code premain}); idempotent.
     */
    public static void prepareEnvironment() {
        ChronicleEnvironment.prepare();
    }

    /** {@link #open(Path, ThreadFactory)} with a plain thread for the background open. */
    public static ChronicleAuditTrail open(Path dir) throws IOException {
        return open(dir, null, null);
    }

    /** {@link #open(Path, ThreadFactory, java.time.Duration)}, keeping every file. */
    public static ChronicleAuditTrail open(Path dir, ThreadFactory threads) throws IOException {
        return open(dir, threads, null);
    }

    /**
     * Creates {@code dir} (owner-only) if needed and checks, now, that it is writable; the queue is
     * opened, when the first record arrives, on a daemon thread named {@code warden-audit-open} made
     * by {@code threads} (a plain thread when {@code null}). Pass a factory whose threads Warden does
     * not govern: that thread creates the queue's files. Daily files older than {@code retain}
     * ({@code warden.audit.retain}; {@code null} keeps them) are deleted then and at each new day.
     *
     * @throws IOException naming the directory when it cannot be created or written
     */
    public static ChronicleAuditTrail open(Path dir, ThreadFactory threads, java.time.Duration retain) throws IOException {
        Path absolute = dir.toAbsolutePath().normalize();
        AuditDirectory.prepareForWriting(absolute);
        prepareEnvironment();
        ChronicleAuditTrail trail = new ChronicleAuditTrail(absolute, threads, new Retention(retain));
        synchronized (trail.lock) {
            trail.startOpening();
        }
        return trail;
    }

    /** Starts the background open, once. Guarded by {@link #lock}. */
    private void startOpening() {
        if (opening) {
            return;
        }
        opening = true;
        // No lambdas on this path: the first one in a JVM costs ~20 ms of invokedynamic bootstrap.
        Runnable body = new Opener();
        Thread opener = threads == null ? new Thread(body) : threads.newThread(body);
        opener.setName("warden-audit-open");
        opener.setDaemon(true);
        opener.start();
    }

    /** The trail's directory, absolute. */
    public Path directory() {
        return dir;
    }

    /** True once the queue is open and records are written as they are appended. */
    public boolean isOpen() {
        return writer != null;
    }

    /**
     * Appenders held for live threads after closing those of ended ones (tests and diagnostics);
     * negative: how many refused to close.
     */
    int appendersAfterReaping() {
        QueueWriter w = writer;
        if (w == null) {
            return 0;
        }
        w.reapDeadThreads();
        return w.appenderCount();
    }

    /** The header of the records to come; see {@link AuditSink#session}. */
    @Override
    public void session(SessionHeader h) {
        synchronized (lock) {
            header = h;
            if (writer != null) {
                writer.session(h);
            }
        }
    }

    /** Sweeps old files with the new retention now; a trail not yet open sweeps when it opens. */
    @Override
    public void retain(java.time.Duration retain) {
        if (retention.retain(retain) && writer != null) {
            retention.sweep(dir, java.time.Instant.now());
        }
    }

    /** Writes {@code record} (or, before the queue is open, a copy of it to memory); false if it could not. */
    @Override
    public boolean append(AuditRecord record) {
        QueueWriter w = writer;
        if (w == null) {
            synchronized (lock) {
                w = writer;
                if (w == null) {
                    return holdUntilOpen(record);
                }
            }
        }
        return w.write(record);
    }

    /** Before the queue is open: keeps a copy in memory, unless it never will open or memory is full. */
    private boolean holdUntilOpen(AuditRecord record) {
        boolean openFailed = settled.getCount() == 0;
        if (closed || openFailed || pending.size() >= MAX_PENDING) {
            return false;
        }
        pending.add(record.copy());
        return true;
    }

    private final class Opener implements Runnable {
        @Override
        public void run() {
            try {
                // Chronicle registers a JVM shutdown hook from a static initializer; done during
                // shutdown that throws half-way through creating the queue's files. Register it
                // first, before any file is touched.
                ChronicleEnvironment.registerShutdownHook();
                retention.sweep(dir, java.time.Instant.now());
                QueueWriter w = new QueueWriter(dir, threads, retention);
                ChronicleEnvironment.chronicleLoaded();
                drainInto(w);
            } catch (Throwable t) {
                failed(t);
            } finally {
                settled.countDown();
            }
        }
    }

    /** Writes what start-up held in memory, then lets appends through; appends wait on the lock meanwhile. */
    private void drainInto(QueueWriter w) {
        int lost;
        synchronized (lock) {
            if (closed) {
                w.close();
                return;
            }
            if (header != null) {
                w.session(header);
            }
            lost = w.writeAll(pending);
            writer = w;
        }
        if (lost > 0) {
            LoggerFactory.getLogger(ChronicleAuditTrail.class)
                    .error("{} audit records from start-up could not be written to {}", lost, dir);
        }
    }

    private void failed(Throwable t) {
        int lost;
        synchronized (lock) {
            // Settle inside the lock: an append racing with this must see the failure, not queue a
            // record that would be dropped unreported.
            settled.countDown();
            lost = pending.size();
            pending.clear();
        }
        LoggerFactory.getLogger(ChronicleAuditTrail.class)
                .error("cannot open the audit trail in {} ({} records from start-up lost)", dir, lost, t);
    }

    /** Waits (bounded) for the queue to open when records are held in memory; they are then written. */
    @Override
    public void flush() {
        boolean waitForOpen;
        synchronized (lock) {
            waitForOpen = !closed && !pending.isEmpty();
        }
        if (waitForOpen) {
            awaitOpen();
        }
    }

    /**
     * Writes out records still held in memory — waiting up to 10 s for the queue to open, but only
     * if there are any — then closes the queue. Appends after this return false. The agent calls it
     * from a shutdown hook.
     */
    @Override
    public void close() {
        boolean waitForOpen;
        synchronized (lock) {
            if (closed) {
                return;
            }
            // Nothing to write: let the JVM exit without waiting. An open abandoned half-way leaves
            // at worst an empty metadata file, which the next writer initializes (tested).
            waitForOpen = !pending.isEmpty();
        }
        if (waitForOpen) {
            awaitOpen();
        }
        QueueWriter w;
        int lost;
        synchronized (lock) {
            closed = true;
            lost = pending.size();
            pending.clear();
            w = writer;
        }
        if (lost > 0) {
            LoggerFactory.getLogger(ChronicleAuditTrail.class).error(
                    "{} audit records were not written: the trail in {} did not open within {} s", lost, dir,
                    CLOSE_WAIT_SECONDS);
        }
        if (w != null) {
            w.close();
        }
    }

    private void awaitOpen() {
        try {
            settled.await(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
