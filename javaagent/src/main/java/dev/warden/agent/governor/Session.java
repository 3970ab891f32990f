package dev.warden.agent.governor;

/**
 * One session: the process's own, or one the application named ({@code WardenSession}). Its
 * lifespan ({@code warden.session.ttl}) runs from its start in this process; a revocation
 * ({@code session revoke ID}) arrives through the control channel. Checked on every governed call:
 * one volatile read and a comparison, no allocation.
 */
final class Session {

    static final String REVOKED = "session revoked";
    static final String EXPIRED = "session expired";

    final String id;
    /** Named by the application: its id goes into each record (the process session's is in the header). */
    final boolean named;
    /** With {@code warden.propagate}: this session's {@code baggage} members, made on its first request. */
    volatile String baggageMembers;
    private final long startNanos;
    /** {@code warden.session.ttl} in nanoseconds, or {@link Long#MAX_VALUE} for none. */
    private final long ttlNanos;
    private volatile boolean revoked;

    Session(String id, boolean named, long startNanos, long ttlNanos) {
        this.id = id;
        this.named = named;
        this.startNanos = startNanos;
        this.ttlNanos = ttlNanos;
    }

    /** Why this session may act no more at {@code nowNanos} ({@code System.nanoTime()}), or {@code null}. */
    String refusal(long nowNanos) {
        if (revoked) {
            return REVOKED;
        }
        // A difference of nanoTime values, as its contract asks: correct across its overflow.
        return nowNanos - startNanos >= ttlNanos ? EXPIRED : null;
    }

    void revoke() {
        revoked = true;
    }

    boolean revoked() {
        return revoked;
    }
}
