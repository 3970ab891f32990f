package dev.warden.agent.audit;

/** Where governed calls' records go. Implementations are thread-safe. */
public interface AuditSink extends AutoCloseable {

    /**
     * Appends one record on the calling thread. Must not allocate, lock (beyond what the
     * underlying store needs) or log once the trail is open. Returns {@code false} when the record
     * could not be written (the caller then applies {@code warden.failure}).
     */
    boolean append(AuditRecord record);

    /**
     * Declares the session header that records with its key belong to; written to the trail before
     * the first record that names it. Later headers (a new policy version) replace it.
     */
    default void session(SessionHeader header) {}

    /**
     * Writes out what is held in memory (waiting, bounded, for the trail to open) but keeps the
     * trail open: at JVM exit the application's own shutdown hooks, and {@code deleteOnExit}
     * after them, still make governed calls that must be recorded.
     */
    default void flush() {}

    /**
     * {@code warden.audit.retain} after a policy reload ({@code null}: keep everything): old files
     * are swept with it at once (on the calling thread, which must be Warden's), and at each new day.
     */
    default void retain(java.time.Duration retain) {}

    /** Whether records go into an audit trail; {@code false} for the log that stands in for one that could not be opened. */
    default boolean isTrail() {
        return true;
    }

    /** Writes out anything held in memory and releases the trail; idempotent. */
    @Override
    void close();
}
