package dev.warden.agent.governor;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sessions of this process: its own (one per run, named in the session header) and those the
 * application names with {@code WardenSession.open(id)}, kept by id so that reopening one continues
 * it (its lifespan is not reset, nor what it has done). A revoked id stays revoked, also if the
 * application opens it again later — the revocation may arrive before the session does.
 *
 * <p>{@code warden.session.ttl} is the value in force, replaced by a policy reload: each session is
 * measured against it from its own start, on every call. A session is expired while its age is at
 * least the ttl in force — so shortening the ttl can expire sessions at once, and lengthening or
 * removing it lets an expired session act again. Ending a session for good is
 * {@code session revoke}.
 */
final class Sessions {

    final Session process;
    /** {@code warden.session.ttl} in nanoseconds, or {@link Long#MAX_VALUE} for none. */
    private volatile long ttlNanos;
    private final ConcurrentHashMap<String, Session> named = new ConcurrentHashMap<>();
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();

    Sessions(String processSessionId, Duration ttl, long startNanos) {
        ttl(ttl);
        this.process = new Session(processSessionId, false, startNanos);
    }

    /** Puts {@code ttl} ({@code null}: none) in force for every session, from the next call on. */
    void ttl(Duration ttl) {
        ttlNanos = ttl == null ? Long.MAX_VALUE : ttl.toNanos();
    }

    /** The session the application named {@code id}: made at its first open. Not on the governed path. */
    Session open(String id, long nowNanos) {
        if (id.equals(process.id)) {
            return process;
        }
        return named.computeIfAbsent(id, k -> {
            Session s = new Session(k, true, nowNanos);
            if (revoked.contains(k)) {
                s.revoke();
            }
            return s;
        });
    }

    /** Revokes {@code id}; returns the session when this process knows it (it acted for it), else {@code null}. */
    Session revoke(String id) {
        revoked.add(id);
        Session s = id.equals(process.id) ? process : named.get(id);
        if (s != null) {
            s.revoke();
        }
        return s;
    }

    /** The session a call made for {@code s} ({@code null}: the process's) belongs to. */
    Session of(Session s) {
        return s == null ? process : s;
    }

    /** The reason the session {@code s} ({@code null}: the process's) may not act, or {@code null}. */
    String refusal(Session s, long nowNanos) {
        return of(s).refusal(nowNanos, ttlNanos);
    }
}
