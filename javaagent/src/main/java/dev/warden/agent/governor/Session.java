package dev.warden.agent.governor;

import dev.warden.policy.PerformedActions;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One session: the process's own, or one the application named ({@code WardenSession}). Its
 * lifespan ({@code warden.session.ttl}, the value in force, see {@link Sessions}) runs from its start
 * in this process; a revocation ({@code session revoke ID}) arrives through the control channel;
 * what it has done for the policy's {@code after} conditions is its own. Checked on every governed
 * call: volatile reads and a comparison, no allocation.
 */
final class Session {

    static final String REVOKED = "session revoked";
    static final String EXPIRED = "session expired";

    private static final VarHandle PERFORMED;

    static {
        try {
            PERFORMED = MethodHandles.lookup().findVarHandle(Session.class, "performed", PerformedActions.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final String id;
    /** Named by the application: its id goes into each record (the process session's is in the header). */
    final boolean named;
    /** With {@code warden.propagate}: this session's {@code baggage} members, made on its first request. */
    volatile String baggageMembers;
    private final long startNanos;
    private volatile boolean revoked;
    /**
     * What this session has done, for rules with {@code after}; {@link PerformedActions#NONE} until it
     * first meets a condition (512 bytes then), so the sessions of a policy without {@code after}
     * cost nothing more. Kept across reloads.
     */
    private volatile PerformedActions performed = PerformedActions.NONE;

    Session(String id, boolean named, long startNanos) {
        this.id = id;
        this.named = named;
        this.startNanos = startNanos;
    }

    /**
     * Why this session may act no more at {@code nowNanos} ({@code System.nanoTime()}) under a
     * lifespan of {@code ttlNanos} ({@link Long#MAX_VALUE}: none), or {@code null}.
     */
    String refusal(long nowNanos, long ttlNanos) {
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

    /** What this session has done so far: what its calls are decided with. */
    PerformedActions performed() {
        return performed;
    }

    /**
     * This session performed an allowed action that meets {@code conditions}
     * ({@code Verdict.performs()}). Allocates only the first time the session meets any condition.
     */
    void remember(int[] conditions) {
        PerformedActions p = performed;
        if (p == PerformedActions.NONE) {
            PerformedActions made = new PerformedActions();
            p = PERFORMED.compareAndSet(this, PerformedActions.NONE, made) ? made : performed;
        }
        p.remember(conditions);
    }
}
