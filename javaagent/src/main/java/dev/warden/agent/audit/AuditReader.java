package dev.warden.agent.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Reads an audit trail in order, optionally filtered, optionally following it as it grows. Safe
 * while another process appends: the queue is opened read-only, and Chronicle's tailer sees each
 * excerpt once its writer has completed it.
 *
 * <p>A record's {@code seq} is its Chronicle index (the day's cycle in the high bits, the position
 * within the day in the low ones): increasing, and stable, so it can name a record.
 */
public final class AuditReader implements AutoCloseable {

    /** How long {@link #follow} sleeps when it has read everything. */
    static final long POLL_MILLIS = 100;

    /** Receives each record; the instance is reused, copy it to keep it. */
    @FunctionalInterface
    public interface Handler {
        void accept(AuditRecord record) throws IOException;
    }

    private final ChronicleQueue queue;
    private final ExcerptTailer tailer;
    /** Session headers seen so far, by key; filled ahead by {@link #open}, so order never matters. */
    private final TrailDictionary dictionary = new TrailDictionary();
    private long sinceEpochNanos = Long.MIN_VALUE;
    private String decision;

    private AuditReader(ChronicleQueue queue) {
        this.queue = queue;
        this.tailer = queue.createTailer();
    }

    /**
     * Opens the trail in {@code dir} for reading from its first record.
     *
     * @throws IOException when {@code dir} is not a readable audit trail, saying so
     */
    public static AuditReader open(Path dir) throws IOException {
        AuditDirectory.requireTrail(dir);
        ChronicleEnvironment.prepare();
        ChronicleQueue queue;
        try {
            queue = SingleChronicleQueueBuilder.binary(dir)
                    .rollCycle(RollCycles.FAST_DAILY)
                    .readOnly(true)
                    .build();
        } catch (RuntimeException e) {
            throw new IOException("cannot read the audit trail in " + dir + ": " + e.getMessage(), e);
        }
        ChronicleEnvironment.chronicleLoaded();
        AuditReader reader = new AuditReader(queue);
        reader.readHeaders();
        return reader;
    }

    /**
     * Collects every session header and path definition already in the trail. They normally
     * precede the records that use them, but at a daily roll, or when two threads race, a record
     * can land before its definition does.
     */
    private void readHeaders() {
        try (ExcerptTailer scan = queue.createTailer()) {
            while (true) {
                try (DocumentContext dc = scan.readingDocument()) {
                    if (!dc.isPresent()) {
                        return;
                    }
                    if (dc.isData()) {
                        AuditCodec.dictionaryOnly(dc.wire().bytes(), dictionary);
                    }
                }
            }
        }
    }

    /** Only records made at or after {@code since}. */
    public AuditReader since(Instant since) {
        this.sinceEpochNanos = since == null ? Long.MIN_VALUE : AuditTimes.epochNanos(since);
        return this;
    }

    /** Only records whose decision is exactly {@code decision} ({@code null}: all). */
    public AuditReader decision(String decision) {
        this.decision = decision;
        return this;
    }

    /**
     * Reads the next matching record already in the trail into {@code into}; {@code false} when
     * there is none (yet).
     */
    public boolean next(AuditRecord into) throws IOException {
        while (true) {
            try (DocumentContext dc = tailer.readingDocument()) {
                if (!dc.isPresent()) {
                    return false;
                }
                if (!dc.isData()) {
                    continue;
                }
                try {
                    if (!AuditCodec.read(dc.wire().bytes(), into, dictionary)) {
                        continue;
                    }
                } catch (IOException e) {
                    throw new IOException("record " + dc.index() + ": " + e.getMessage(), e);
                } catch (RuntimeException e) {
                    throw new IOException("record " + dc.index() + " is damaged: " + e, e);
                }
                into.seq = dc.index();
            }
            if (matches(into)) {
                return true;
            }
        }
    }

    /** Hands every matching record now in the trail to {@code handler}, in order. */
    public void readAll(Handler handler) throws IOException {
        AuditRecord r = new AuditRecord();
        while (next(r)) {
            handler.accept(r);
        }
    }

    /**
     * Like {@link #readAll}, then keeps reading records as they are appended, polling every
     * {@value #POLL_MILLIS} ms, until {@code keepGoing} answers false or the thread is interrupted.
     */
    public void follow(Handler handler, BooleanSupplier keepGoing) throws IOException {
        AuditRecord r = new AuditRecord();
        while (keepGoing.getAsBoolean()) {
            if (next(r)) {
                handler.accept(r);
                continue;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private boolean matches(AuditRecord r) {
        return r.timeEpochNanos >= sinceEpochNanos && (decision == null || decision.equals(r.decision));
    }

    @Override
    public void close() {
        queue.close();
    }
}
